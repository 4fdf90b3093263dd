SELECT execution_id::text, seq, auraos_ms(recorded_at), kind, node_id, attempt, payload
FROM execution_history WHERE execution_id = $1::uuid AND seq > $2::bigint ORDER BY seq
LIMIT NULLIF($3::bigint, 0)
