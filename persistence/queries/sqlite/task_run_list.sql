-- Runs in queueing order. ?3/?4 keyset (queued_at, id) or NULL, ?5 limit. A template: the
-- task_runs_by mark becomes the equalities on ?1 task_id and ?2 status
-- (persistence/query_templates.cpp), each a range scan of idx_task_executions_task_id or
-- _status (both end in (queued_at, id)) that starts at the cursor.
SELECT id, task_id, status, input_data, output_data, error, attempt, priority, queue, shard,
       queued_at, started_at, completed_at, next_attempt_at, resource_allocation, worker,
       lease_id, lease_expires_at, idempotency_key, batch_id, depends_on, retry_of,
       execution_id, node_id, schedule_time
FROM task_executions
WHERE /*task_runs_by*/ queued_at >= coalesce(?3, -9223372036854775808)
  AND (queued_at, id) > (coalesce(?3, -9223372036854775808), coalesce(?4, ''))
ORDER BY queued_at, id
LIMIT ?5
