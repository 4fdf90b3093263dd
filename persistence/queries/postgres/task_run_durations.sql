-- completed_at - started_at of task $1's newest $2 ended runs.
SELECT auraos_ms(completed_at) - auraos_ms(started_at) FROM task_executions
WHERE task_id = $1::text AND completed_at IS NOT NULL AND started_at IS NOT NULL
ORDER BY completed_at DESC LIMIT $2::bigint
