-- Runs in queueing order: $1 task id or NULL, $2 status or NULL, $3/$4 keyset (queued_at ms,
-- id) or NULL, $5 limit. A template: the store prepares one statement per filter combination
-- (query_templates.cpp), the task_runs_by mark becoming the equalities that a range scan of
-- idx_task_executions_task_id or _status (both end in (queued_at, id)) serves.
SELECT id::text, task_id, status, input_data::text, output_data::text, error::text, attempt,
       priority, queue, shard, auraos_ms(queued_at), auraos_ms(started_at),
       auraos_ms(completed_at), auraos_ms(next_attempt_at), resource_allocation::text, worker,
       lease_id, auraos_ms(lease_expires_at), idempotency_key, batch_id, depends_on::text,
       retry_of::text, execution_id::text, node_id, auraos_ms(schedule_time)
FROM task_executions
WHERE /*task_runs_by*/ ($1::text IS NULL OR task_id = $1::text)
  AND ($2::text IS NULL OR status = $2::text)
  AND (queued_at, id) > (coalesce(auraos_ts($3::bigint), '-infinity'),
                         coalesce($4::uuid, '00000000-0000-0000-0000-000000000000'))
ORDER BY queued_at, id
LIMIT $5::bigint
