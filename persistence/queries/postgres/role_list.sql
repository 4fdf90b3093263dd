-- Every custom role, by name.
SELECT name, array_to_json(permissions)::text, auraos_ms(created_at), auraos_ms(updated_at)
FROM roles ORDER BY name
