SELECT execution_id, seq, payload FROM execution_snapshots
WHERE execution_id = ?1 ORDER BY seq DESC LIMIT 1
