-- Deletes task $1's schedule; not found (AUR01) when it has none.
SELECT auraos_delete_task_schedule($1::text)
