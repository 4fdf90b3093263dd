SELECT id::text, workflow_id, revision, status, input::text, output::text, error::text,
       auraos_ms(created_at), auraos_ms(started_at), auraos_ms(completed_at), idempotency_key
FROM workflow_executions WHERE id = $1::uuid
