-- One custom role by $1 name; the columns every role read returns (permissions as JSON).
SELECT name, array_to_json(permissions)::text, auraos_ms(created_at), auraos_ms(updated_at)
FROM roles WHERE name = $1::text
