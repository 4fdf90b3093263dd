SELECT execution_id::text, seq, payload FROM execution_snapshots
WHERE execution_id = $1::uuid ORDER BY seq DESC LIMIT 1
