-- task_run_list.sql newest first: the same parameters and template, (queued_at, id) descending
-- from the cursor.
SELECT id::text, task_id, status, input_data::text, output_data::text, error::text, attempt,
       priority, queue, shard, auraos_ms(queued_at), auraos_ms(started_at),
       auraos_ms(completed_at), auraos_ms(next_attempt_at), resource_allocation::text, worker,
       lease_id, auraos_ms(lease_expires_at), idempotency_key, batch_id, depends_on::text,
       retry_of::text, execution_id::text, node_id, auraos_ms(schedule_time)
FROM task_executions
WHERE /*task_runs_by*/ ($1::text IS NULL OR task_id = $1::text)
  AND ($2::text IS NULL OR status = $2::text)
  AND ($3::bigint IS NULL OR (queued_at, id) < (auraos_ts($3::bigint), $4::uuid))
ORDER BY queued_at DESC, id DESC
LIMIT $5::bigint
