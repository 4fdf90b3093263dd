-- Every custom role, by name.
SELECT name, permissions, created_at, updated_at FROM roles ORDER BY name
