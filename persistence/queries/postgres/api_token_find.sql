-- The API token whose hash is $1; the columns every API token read returns.
SELECT id, user_id::text, name, token_hash, auraos_ms(created_at), auraos_ms(expires_at),
       auraos_ms(last_used_at), auraos_ms(revoked_at)
FROM api_tokens WHERE token_hash = $1::text
