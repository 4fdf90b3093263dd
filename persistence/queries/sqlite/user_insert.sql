-- Creates user ?1 (username ?2, password hash ?3, role ?4, disabled ?5) at ?6; a taken id or
-- username is a conflict (UNIQUE). Returns the columns of user_get.sql.
INSERT INTO users (id, username, password_hash, role, disabled, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
RETURNING id, username, password_hash, role, disabled, created_at, updated_at
