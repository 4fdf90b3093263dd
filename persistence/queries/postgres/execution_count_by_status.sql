SELECT status, COUNT(*)::bigint FROM workflow_executions GROUP BY status ORDER BY status
