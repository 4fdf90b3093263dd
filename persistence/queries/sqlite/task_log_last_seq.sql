-- The last log line's seq of run ?1 (none: no line yet).
SELECT max(seq) FROM task_execution_logs WHERE run_id = ?1
