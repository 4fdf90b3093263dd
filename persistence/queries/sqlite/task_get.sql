-- One task by ?1 id; the columns every task read returns (sqlite/task_rows.cpp).
SELECT id, name, description, type, queue, priority, definition, tags, created_at, updated_at,
       secrets
FROM tasks WHERE id = ?1
