-- Run $1's log lines after seq $2, at most $3 (0: all).
SELECT seq, auraos_ms(logged_at), stream, line FROM task_execution_logs
WHERE run_id = $1::uuid AND seq > $2::bigint ORDER BY seq LIMIT NULLIF($3::bigint, 0)
