-- Deletes task ?1 and (ON DELETE CASCADE) its schedule; its runs are deleted before.
DELETE FROM tasks WHERE id = ?1
