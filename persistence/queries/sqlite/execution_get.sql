SELECT id, workflow_id, revision, status, input_data, output_data, error, created_at,
       started_at, completed_at, idempotency_key, metrics, error_message, execution_time,
       created_by, secrets
FROM workflow_executions WHERE id = ?1
