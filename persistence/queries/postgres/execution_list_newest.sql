-- execution_list.sql newest first: the same parameters, (created_at, id) descending
SELECT id::text, workflow_id, revision, status, input_data::text, output_data::text,
       error::text, auraos_ms(created_at), auraos_ms(started_at), auraos_ms(completed_at),
       idempotency_key, metrics::text, error_message, execution_time, created_by, secrets
FROM workflow_executions
WHERE ($1::text IS NULL OR workflow_id = $1::text)
  AND ($2::text IS NULL OR status = $2::text)
  AND ($3::bigint IS NULL OR (created_at, id) < (auraos_ts($3::bigint), $4::uuid))
  AND ($6::bigint IS NULL OR created_at >= auraos_ts($6::bigint))
  AND ($7::bigint IS NULL OR created_at < auraos_ts($7::bigint))
ORDER BY created_at DESC, id DESC
LIMIT $5::bigint
