-- One task by $1 id; the columns every task read returns (postgres/task_rows.cpp).
SELECT id, name, coalesce(description, ''), type, queue, priority::bigint, definition::text,
       array_to_json(tags)::text, auraos_ms(created_at), auraos_ms(updated_at), secrets
FROM tasks WHERE id = $1::text
