-- As execution_unfinished.sql, in the shards of the JSON array ?1 only.
SELECT id, workflow_id, revision, status, input_data, output_data, error, created_at,
       started_at, completed_at, idempotency_key, metrics, error_message, execution_time,
       created_by, secrets
FROM workflow_executions
WHERE status IN ('pending', 'running', 'paused') AND shard IN (SELECT value FROM json_each(?1))
ORDER BY created_at, id
