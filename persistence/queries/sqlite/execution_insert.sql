INSERT INTO workflow_executions (id, workflow_id, revision, status, input, output, error,
                                 created_at, started_at, completed_at, idempotency_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
