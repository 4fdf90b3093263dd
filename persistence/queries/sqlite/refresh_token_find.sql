-- The refresh token whose hash is ?1; the columns every refresh token read returns.
SELECT id, user_id, token_hash, issued_at, expires_at, revoked_at, replaced_by
FROM refresh_tokens WHERE token_hash = ?1
