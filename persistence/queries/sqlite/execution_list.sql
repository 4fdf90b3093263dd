-- Executions oldest first. ?3/?4 keyset (created_at, id) or NULL, ?5 limit, ?6/?7 created_at
-- from (inclusive) and before (exclusive) or NULL. A template: the store prepares one statement
-- per filter combination, the filters mark in WHERE becoming the equalities on ?1 workflow_id
-- and ?2 status (persistence/query_templates.cpp), each a range scan of an index ending in
-- (created_at, id) that starts at the cursor (max): a deep page costs what the first one does.
SELECT id, workflow_id, revision, status, input_data, output_data, error, created_at,
       started_at, completed_at, idempotency_key, metrics, error_message, execution_time,
       created_by, secrets
FROM workflow_executions
WHERE /*filters*/ created_at >= max(coalesce(?6, -9223372036854775808),
                                    coalesce(?3, -9223372036854775808))
  AND created_at < coalesce(?7, 9223372036854775807)
  AND (created_at, id) > (coalesce(?3, -9223372036854775808), coalesce(?4, ''))
ORDER BY created_at, id
LIMIT ?5
