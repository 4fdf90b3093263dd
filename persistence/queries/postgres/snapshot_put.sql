INSERT INTO execution_snapshots (execution_id, seq, payload) VALUES ($1::uuid, $2::bigint, $3::bytea)
ON CONFLICT (execution_id, seq) DO UPDATE SET payload = excluded.payload
