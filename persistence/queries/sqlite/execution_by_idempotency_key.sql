SELECT id, workflow_id, revision, status, input, output, error, created_at, started_at,
       completed_at, idempotency_key
FROM workflow_executions WHERE workflow_id = ?1 AND idempotency_key = ?2
