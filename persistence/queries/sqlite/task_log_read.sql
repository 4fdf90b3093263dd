-- Run ?1's log lines after seq ?2, at most ?3 (-1: all).
SELECT seq, logged_at, stream, line FROM task_execution_logs
WHERE run_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3
