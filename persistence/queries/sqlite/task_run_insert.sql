-- Creates a run: the columns of task_run_get.sql as ?1 .. ?25; the store derives
-- error_message (the error's message) and execution_time (ms of the last attempt).
INSERT INTO task_executions (id, task_id, status, input_data, output_data, error, attempt,
                             priority, queue, shard, queued_at, started_at, completed_at,
                             next_attempt_at, resource_allocation, worker, lease_id,
                             lease_expires_at, idempotency_key, batch_id, depends_on, retry_of,
                             execution_id, node_id, schedule_time, error_message, execution_time)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25,
        CASE WHEN json_valid(?6) THEN json_extract(?6, '$.message') END, ?13 - ?12)
