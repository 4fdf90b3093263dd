-- Deletes custom role $1; not found (AUR01) when it does not exist.
WITH gone AS (DELETE FROM roles WHERE name = $1::text RETURNING 1)
SELECT auraos_found(count(*), format('no role ''%s''', $1::text)) FROM gone
