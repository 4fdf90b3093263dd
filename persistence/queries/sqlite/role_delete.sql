-- Deletes custom role ?1.
DELETE FROM roles WHERE name = ?1
