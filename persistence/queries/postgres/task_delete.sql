-- Deletes task $1 with its schedule, runs and log lines; not found (AUR01) when it does not
-- exist, conflict (AUR02) while it has an unfinished run.
SELECT auraos_delete_task($1::text)
