-- One user by $1 id; the columns every user read returns (postgres/security_rows.cpp).
SELECT id::text, username, password_hash, role, disabled, auraos_ms(created_at),
       auraos_ms(updated_at)
FROM users WHERE id = $1::uuid
