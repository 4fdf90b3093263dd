-- The API token whose hash is ?1; the columns every API token read returns.
SELECT id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at
FROM api_tokens WHERE token_hash = ?1
