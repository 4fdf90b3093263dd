-- ?1 workflow_id or NULL, ?2 status or NULL, ?3/?4 keyset (created_at, id) or NULL, ?5 limit
SELECT id, workflow_id, revision, status, input_data, output_data, error, created_at,
       started_at, completed_at, idempotency_key, metrics, error_message, execution_time
FROM workflow_executions
WHERE (?1 IS NULL OR workflow_id = ?1)
  AND (?2 IS NULL OR status = ?2)
  AND (?3 IS NULL OR (created_at, id) > (?3, ?4))
ORDER BY created_at, id
LIMIT ?5
