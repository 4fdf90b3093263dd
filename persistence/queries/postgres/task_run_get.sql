-- One run by $1 id; the columns every run read returns (postgres/task_rows.cpp).
SELECT id::text, task_id, status, input_data::text, output_data::text, error::text, attempt,
       priority, queue, shard, auraos_ms(queued_at), auraos_ms(started_at),
       auraos_ms(completed_at), auraos_ms(next_attempt_at), resource_allocation::text, worker,
       lease_id, auraos_ms(lease_expires_at), idempotency_key, batch_id, depends_on::text,
       retry_of::text, execution_id::text, node_id, auraos_ms(schedule_time)
FROM task_executions WHERE id = $1::uuid
