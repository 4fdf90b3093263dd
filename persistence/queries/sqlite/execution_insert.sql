-- The store derives error_message (the error's message) and execution_time (ms); ?13 shard,
-- ?14 created_by (the starting user's id), ?15 secrets (the sealed secret inputs).
INSERT INTO workflow_executions (id, workflow_id, revision, status, input_data, output_data, error,
                                 created_at, started_at, completed_at, idempotency_key, metrics,
                                 error_message, execution_time, shard, created_by, secrets)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
        CASE WHEN json_valid(?7) THEN json_extract(?7, '$.message') END, ?10 - ?9, ?13, ?14, ?15)
