-- Creates refresh token ?1 of user ?2 (hash ?3, expiring at ?5) at ?4; a taken id or hash is a
-- conflict, a missing user a foreign key error. Columns as in refresh_token_find.sql.
INSERT INTO refresh_tokens (id, user_id, token_hash, issued_at, expires_at)
VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id, user_id, token_hash, issued_at, expires_at, revoked_at, replaced_by
