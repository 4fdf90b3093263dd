-- $1 workflow_id or NULL, $2 status or NULL, $3/$4 keyset (created_at ms, id) or NULL, $5 limit,
-- $6/$7 created_at from (inclusive) and before (exclusive), ms, or NULL
SELECT id::text, workflow_id, revision, status, input_data::text, output_data::text,
       error::text, auraos_ms(created_at), auraos_ms(started_at), auraos_ms(completed_at),
       idempotency_key, metrics::text, error_message, execution_time, created_by, secrets
FROM workflow_executions
WHERE ($1::text IS NULL OR workflow_id = $1::text)
  AND ($2::text IS NULL OR status = $2::text)
  AND ($3::bigint IS NULL OR (created_at, id) > (auraos_ts($3::bigint), $4::uuid))
  AND ($6::bigint IS NULL OR created_at >= auraos_ts($6::bigint))
  AND ($7::bigint IS NULL OR created_at < auraos_ts($7::bigint))
ORDER BY created_at, id
LIMIT $5::bigint
