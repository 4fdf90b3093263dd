-- Execution $1's sealed secrets become $3 if they are still $2.
UPDATE workflow_executions SET secrets = $3::text WHERE id = $1::uuid AND secrets = $2::text
