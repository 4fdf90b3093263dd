UPDATE workflow_executions SET
  status = COALESCE(?2, status), output = COALESCE(?3, output), error = COALESCE(?4, error),
  started_at = COALESCE(?5, started_at), completed_at = COALESCE(?6, completed_at)
WHERE id = ?1
