-- Absent (NULL) parameters keep the column; error_message and execution_time are derived.
UPDATE workflow_executions SET
  status = COALESCE(?2, status), output_data = COALESCE(?3, output_data),
  error = COALESCE(?4, error),
  error_message = COALESCE(CASE WHEN json_valid(?4) THEN json_extract(?4, '$.message') END,
                           error_message),
  started_at = COALESCE(?5, started_at), completed_at = COALESCE(?6, completed_at),
  execution_time = COALESCE(?6, completed_at) - COALESCE(?5, started_at),
  metrics = COALESCE(?7, metrics)
WHERE id = ?1
