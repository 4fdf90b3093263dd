-- Replaces task ?1 (parameters as task_insert.sql) at ?9; nothing when it does not exist.
UPDATE tasks SET name = ?2, description = ?3, type = ?4, queue = ?5, priority = ?6,
                 definition = ?7,
                 config = CASE WHEN json_valid(?7) THEN coalesce(?7 -> '$.config', '{}') END,
                 metadata = CASE WHEN json_valid(?7) THEN ?7 -> '$.metadata' END,
                 tags = ?8, updated_at = ?9
WHERE id = ?1
