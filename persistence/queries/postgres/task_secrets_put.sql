-- Task $1's sealed secret config values become $2 (NULL: none), after its insert or update;
-- returns the stored task with the columns of task_get.sql.
UPDATE tasks SET secrets = $2::text WHERE id = $1::text
RETURNING id, name, coalesce(description, ''), type, queue, priority::bigint, definition::text,
          array_to_json(tags)::text, auraos_ms(created_at), auraos_ms(updated_at), secrets
