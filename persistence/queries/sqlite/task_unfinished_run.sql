-- One queued, running or retrying run of task ?1, if any (a task with one is not deleted).
SELECT id FROM task_executions
WHERE task_id = ?1 AND status IN ('queued', 'running', 'retrying') LIMIT 1
