-- User ?1's API tokens in creation order, columns as in api_token_find.sql.
SELECT id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at
FROM api_tokens WHERE user_id = ?1
ORDER BY created_at, id
