-- Runs newest first: task_run_list.sql's template and parameters, the same index ranges
-- scanned backwards from the cursor.
SELECT id, task_id, status, input_data, output_data, error, attempt, priority, queue, shard,
       queued_at, started_at, completed_at, next_attempt_at, resource_allocation, worker,
       lease_id, lease_expires_at, idempotency_key, batch_id, depends_on, retry_of,
       execution_id, node_id, schedule_time
FROM task_executions
WHERE /*task_runs_by*/ queued_at <= coalesce(?3, 9223372036854775807)
  AND (queued_at, id) < (coalesce(?3, 9223372036854775807), coalesce(?4, ''))
ORDER BY queued_at DESC, id DESC
LIMIT ?5
