-- Tasks in creation order: $1 type or NULL, $2 tag or NULL, $3/$4 keyset (created_at ms, id)
-- or NULL, $5 limit.
SELECT id, name, coalesce(description, ''), type, queue, priority::bigint, definition::text,
       array_to_json(tags)::text, auraos_ms(created_at), auraos_ms(updated_at), secrets
FROM tasks
WHERE ($1::text IS NULL OR type = $1::text)
  AND ($2::text IS NULL OR tags @> ARRAY[$2::text])
  AND ($3::bigint IS NULL OR (created_at, id) > (auraos_ts($3::bigint), $4::text))
ORDER BY created_at, id
LIMIT $5::bigint
