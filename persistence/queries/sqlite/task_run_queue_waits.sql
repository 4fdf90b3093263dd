-- started_at - queued_at of task ?1's newest ?2 started runs.
SELECT started_at - queued_at FROM task_executions
WHERE task_id = ?1 AND started_at IS NOT NULL
ORDER BY started_at DESC LIMIT ?2
