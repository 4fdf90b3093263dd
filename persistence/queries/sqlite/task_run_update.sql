-- Replaces the mutable fields of run ?1 (update_task_run_op): ?2 status, ?3 output, ?4 error,
-- ?5 attempts, ?6 priority, ?7 started_at, ?8 completed_at, ?9 next_attempt_at,
-- ?10 resource_allocation, ?11 worker, ?12 lease_id, ?13 lease_expires_at, ?14 depends_on,
-- ?15 schedule_time; error_message and execution_time are derived.
UPDATE task_executions SET
  status = ?2, output_data = ?3, error = ?4,
  error_message = CASE WHEN json_valid(?4) THEN json_extract(?4, '$.message') END,
  attempt = ?5, priority = ?6, started_at = ?7, completed_at = ?8, execution_time = ?8 - ?7,
  next_attempt_at = ?9, resource_allocation = ?10, worker = ?11, lease_id = ?12,
  lease_expires_at = ?13, depends_on = ?14, schedule_time = ?15
WHERE id = ?1
