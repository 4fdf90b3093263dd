SELECT execution_id, seq, timestamp_ms, kind, node_id, attempt, payload
FROM execution_history WHERE execution_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3
