-- One user by ?1 id; the columns every user read returns (sqlite/security_rows.cpp).
SELECT id, username, password_hash, role, disabled, created_at, updated_at
FROM users WHERE id = ?1
