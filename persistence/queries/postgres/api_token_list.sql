-- User $1's API tokens in creation order, columns as in api_token_find.sql.
SELECT id, user_id::text, name, token_hash, auraos_ms(created_at), auraos_ms(expires_at),
       auraos_ms(last_used_at), auraos_ms(revoked_at)
FROM api_tokens WHERE user_id = $1::uuid
ORDER BY created_at, id
