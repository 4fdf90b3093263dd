SELECT id::text, workflow_id, revision, status, input::text, output::text, error::text,
       auraos_ms(created_at), auraos_ms(started_at), auraos_ms(completed_at), idempotency_key
FROM workflow_executions
WHERE status IN ('pending', 'running', 'paused')
ORDER BY created_at, id
