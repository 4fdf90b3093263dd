SELECT status, COUNT(*) FROM workflow_executions GROUP BY status ORDER BY status
