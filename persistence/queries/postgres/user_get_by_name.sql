-- One user by $1 username (case-sensitive), columns as in user_get.sql.
SELECT id::text, username, password_hash, role, disabled, auraos_ms(created_at),
       auraos_ms(updated_at)
FROM users WHERE username = $1::text
