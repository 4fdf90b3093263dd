-- Task ?1's runs by status (idx_task_executions_task_id).
SELECT status, count(*) FROM task_executions WHERE task_id = ?1 GROUP BY status
