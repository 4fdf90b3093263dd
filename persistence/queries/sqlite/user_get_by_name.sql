-- One user by ?1 username (BINARY: case-sensitive), columns as in user_get.sql.
SELECT id, username, password_hash, role, disabled, created_at, updated_at
FROM users WHERE username = ?1
