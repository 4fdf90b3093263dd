-- One custom role by ?1 name; the columns every role read returns.
SELECT name, permissions, created_at, updated_at FROM roles WHERE name = ?1
