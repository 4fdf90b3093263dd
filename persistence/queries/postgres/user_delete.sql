-- Deletes user $1 with (ON DELETE CASCADE) its tokens; not found (AUR01) when it does not exist.
WITH gone AS (DELETE FROM users WHERE id = $1::uuid RETURNING 1)
SELECT auraos_found(count(*), format('no user ''%s''', $1::text)) FROM gone
