-- Creates API token ?1 of user ?2 (name ?3, hash ?4, expiring at ?6 or never) at ?5; a taken id
-- or hash is a conflict, a missing user a foreign key error. Columns as in api_token_find.sql.
INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
RETURNING id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at
