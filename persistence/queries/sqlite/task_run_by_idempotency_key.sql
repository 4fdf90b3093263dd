-- The run of task ?1 with idempotency key ?2 (idx_task_executions_idempotency_key).
SELECT id, task_id, status, input_data, output_data, error, attempt, priority, queue, shard,
       queued_at, started_at, completed_at, next_attempt_at, resource_allocation, worker,
       lease_id, lease_expires_at, idempotency_key, batch_id, depends_on, retry_of,
       execution_id, node_id, schedule_time
FROM task_executions WHERE task_id = ?1 AND idempotency_key = ?2
