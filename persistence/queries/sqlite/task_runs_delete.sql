-- Deletes every run of task ?1 (and, ON DELETE CASCADE, their log lines).
DELETE FROM task_executions WHERE task_id = ?1
