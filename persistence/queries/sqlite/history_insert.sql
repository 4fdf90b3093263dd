INSERT INTO execution_history (execution_id, seq, timestamp_ms, kind, node_id, attempt, payload)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
