SELECT id, workflow_id, revision, status, input, output, error, created_at, started_at,
       completed_at, idempotency_key
FROM workflow_executions
WHERE status IN ('pending', 'running', 'paused')
ORDER BY created_at, id
