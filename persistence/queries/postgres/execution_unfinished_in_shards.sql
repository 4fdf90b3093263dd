-- As execution_unfinished.sql, in the shards $1 only.
SELECT id::text, workflow_id, revision, status, input_data::text, output_data::text,
       error::text, auraos_ms(created_at), auraos_ms(started_at), auraos_ms(completed_at),
       idempotency_key, metrics::text, error_message, execution_time, created_by, secrets
FROM workflow_executions
WHERE status IN ('pending', 'running', 'paused') AND shard = ANY ($1::bigint[])
ORDER BY created_at, id
