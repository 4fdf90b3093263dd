-- ?1 from (ms, inclusive), ?2 to (ms, exclusive): each execution that ended in the window,
-- with its status and its run time in ms (NULL when it never started).
SELECT completed_at, status, execution_time FROM workflow_executions
WHERE completed_at >= ?1 AND completed_at < ?2
