-- Executions newest first: execution_list.sql's template and parameters, the same index ranges
-- scanned backwards from the cursor (min).
SELECT id, workflow_id, revision, status, input_data, output_data, error, created_at,
       started_at, completed_at, idempotency_key, metrics, error_message, execution_time,
       created_by, secrets
FROM workflow_executions
WHERE /*filters*/ created_at >= coalesce(?6, -9223372036854775808)
  AND created_at < min(coalesce(?7, 9223372036854775807), coalesce(?3 + 1, 9223372036854775807))
  AND (created_at, id) < (coalesce(?3, 9223372036854775807), coalesce(?4, ''))
ORDER BY created_at DESC, id DESC
LIMIT ?5
