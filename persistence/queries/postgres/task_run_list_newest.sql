-- task_run_list.sql newest first: the same parameters and template, (queued_at, id) descending
-- from the cursor (qualified in ORDER BY, as there: `id` alone names the output's id::text).
SELECT id::text, task_id, status, input_data::text, output_data::text, error::text, attempt,
       priority, queue, shard, auraos_ms(queued_at), auraos_ms(started_at),
       auraos_ms(completed_at), auraos_ms(next_attempt_at), resource_allocation::text, worker,
       lease_id, auraos_ms(lease_expires_at), idempotency_key, batch_id, depends_on::text,
       retry_of::text, execution_id::text, node_id, auraos_ms(schedule_time)
FROM task_executions e
WHERE /*task_runs_by*/ ($1::text IS NULL OR task_id = $1::text)
  AND ($2::text IS NULL OR status = $2::text)
  AND (queued_at, id) < (coalesce(auraos_ts($3::bigint), 'infinity'),
                         coalesce($4::uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
ORDER BY e.queued_at DESC, e.id DESC
LIMIT $5::bigint
