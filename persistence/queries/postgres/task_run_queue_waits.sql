-- started_at - queued_at of task $1's newest $2 started runs.
SELECT auraos_ms(started_at) - auraos_ms(queued_at) FROM task_executions
WHERE task_id = $1::text AND started_at IS NOT NULL
ORDER BY started_at DESC LIMIT $2::bigint
