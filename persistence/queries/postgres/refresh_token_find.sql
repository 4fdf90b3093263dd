-- The refresh token whose hash is $1; the columns every refresh token read returns.
SELECT id, user_id::text, token_hash, auraos_ms(issued_at), auraos_ms(expires_at),
       auraos_ms(revoked_at), replaced_by
FROM refresh_tokens WHERE token_hash = $1::text
