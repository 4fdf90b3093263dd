INSERT INTO execution_history (execution_id, seq, recorded_at, kind, node_id, attempt, payload)
VALUES ($1::uuid, $2::bigint, auraos_ts($3::bigint), $4, $5, $6::bigint, $7::bytea)
