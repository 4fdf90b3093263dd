-- 1 when task ?1 exists.
SELECT 1 FROM tasks WHERE id = ?1
