-- AuraOS store schema, version 4: what the dashboard's metrics read (GET
-- /api/v1/executions/metrics). Executions that ended in a time window are found by completed_at;
-- the index is partial, so creating an execution (completed_at NULL) does not touch it and only
-- the one update that ends an execution adds an entry.
CREATE INDEX idx_workflow_executions_completed_at
  ON workflow_executions (completed_at) WHERE completed_at IS NOT NULL;
