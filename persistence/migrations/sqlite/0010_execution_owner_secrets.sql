-- AuraOS store schema, version 10 (issue 15): who started an execution, and secrets sealed at
-- rest (docs/security.md, "Secrets and key rotation").
--
-- created_by: the id of the user whose call started the execution (NULL: anonymous, a trigger,
-- a schedule, `auraos run`); a sub-workflow's child has its parent's. Plain text without a
-- reference to users: deleting a user keeps the record of what they started.
ALTER TABLE workflow_executions ADD COLUMN created_by TEXT;
CREATE INDEX idx_workflow_executions_created_by ON workflow_executions (created_by);

-- secrets: the execution's secret input values (variables marked `secret`) as one sealed text
-- `v1:<kid>:<nonce>:<ciphertext>` (AES-256-GCM, associated data the execution id) of the JSON
-- object {name: value}; input_data holds "***" in their place. NULL: no secret.
ALTER TABLE workflow_executions ADD COLUMN secrets TEXT;

-- tasks.secrets: a task's secret config values (its `secrets` paths) sealed the same way
-- (associated data the task id) as the JSON object {path: value}; the definition holds "***".
ALTER TABLE tasks ADD COLUMN secrets TEXT;
