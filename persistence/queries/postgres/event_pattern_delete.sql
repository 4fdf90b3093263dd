-- Deletes rule $1 and its matcher state; not found (AUR01) when it does not exist.
SELECT auraos_delete_event_pattern($1::text)
