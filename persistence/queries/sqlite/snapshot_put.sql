INSERT INTO execution_snapshots (execution_id, seq, payload) VALUES (?1, ?2, ?3)
ON CONFLICT (execution_id, seq) DO UPDATE SET payload = excluded.payload
