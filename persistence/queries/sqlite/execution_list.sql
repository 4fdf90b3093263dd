-- ?3/?4 keyset (created_at, id) or NULL, ?5 limit, ?6/?7 created_at from (inclusive) and
-- before (exclusive) or NULL. One query per filter combination (execution_list*.sql), each a
-- range scan of an index ending in (created_at, id); see docs/storage.md.
SELECT id, workflow_id, revision, status, input_data, output_data, error, created_at,
       started_at, completed_at, idempotency_key, metrics, error_message, execution_time
FROM workflow_executions
WHERE created_at >= coalesce(?6, -9223372036854775808) AND created_at < coalesce(?7, 9223372036854775807)
  AND (created_at, id) > (coalesce(?3, -9223372036854775808), coalesce(?4, ''))
ORDER BY created_at, id
LIMIT ?5
