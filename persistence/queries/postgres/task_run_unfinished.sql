-- Every queued, running or retrying run in queueing order.
SELECT id::text, task_id, status, input_data::text, output_data::text, error::text, attempt,
       priority, queue, shard, auraos_ms(queued_at), auraos_ms(started_at),
       auraos_ms(completed_at), auraos_ms(next_attempt_at), resource_allocation::text, worker,
       lease_id, auraos_ms(lease_expires_at), idempotency_key, batch_id, depends_on::text,
       retry_of::text, execution_id::text, node_id, auraos_ms(schedule_time)
FROM task_executions
WHERE status IN ('queued', 'running', 'retrying')
ORDER BY queued_at, id
