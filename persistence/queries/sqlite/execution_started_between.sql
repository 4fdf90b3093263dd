-- ?1 from (ms, inclusive), ?2 to (ms, exclusive): when each execution that started in the
-- window started (its start time, or its creation while it has none).
SELECT COALESCE(started_at, created_at) FROM workflow_executions
WHERE (started_at >= ?1 AND started_at < ?2)
   OR (started_at IS NULL AND created_at >= ?1 AND created_at < ?2)
