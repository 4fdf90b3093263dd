-- AuraOS store schema for PostgreSQL, version 13 (issue 15): who started an execution, and
-- secrets sealed at rest. The same columns as SQLite's version 10.
--
-- created_by: the seed's user_id of workflow_executions (version 1, unused until now) under the
-- seed's name, as workflows and tasks got in version 2: the id of the user whose call started
-- the execution (NULL: anonymous, a trigger, a schedule). Plain text without a reference to
-- users: deleting a user keeps the record of what they started.
ALTER TABLE workflow_executions DROP CONSTRAINT IF EXISTS workflow_executions_user_id_fkey;
ALTER TABLE workflow_executions RENAME COLUMN user_id TO created_by;
ALTER TABLE workflow_executions ALTER COLUMN created_by TYPE text USING created_by::text;
CREATE INDEX idx_workflow_executions_created_by ON workflow_executions (created_by);

-- secrets: the execution's secret input values as one sealed text `v1:<kid>:<nonce>:<ct>`
-- (AES-256-GCM, associated data the execution id) of the JSON object {name: value}; input_data
-- holds "***" in their place. tasks.secrets: a task's secret config values, {path: value},
-- sealed with the task id. NULL: no secret.
ALTER TABLE workflow_executions ADD COLUMN secrets text;
ALTER TABLE tasks ADD COLUMN secrets text;

-- As in version 4, with the creator and the sealed secrets.
DROP FUNCTION auraos_create_execution(uuid, text, bigint, text, jsonb, jsonb, jsonb, bigint,
                                      bigint, bigint, text, jsonb, bigint);
CREATE FUNCTION auraos_create_execution(p_id uuid, p_workflow_id text, p_revision bigint,
                                        p_status text, p_input jsonb, p_output jsonb,
                                        p_error jsonb, p_created bigint, p_started bigint,
                                        p_completed bigint, p_key text, p_metrics jsonb,
                                        p_shard bigint, p_created_by text, p_secrets text)
RETURNS TABLE (r_id text, r_workflow_id text, r_revision bigint, r_status text, r_input text,
               r_output text, r_error text, r_created bigint, r_started bigint,
               r_completed bigint, r_key text, r_metrics text, r_error_message text,
               r_execution_time bigint, r_created_by text, r_secrets text, r_existing boolean)
LANGUAGE plpgsql AS $$
DECLARE
  found_id uuid;
  existing boolean := true;
BEGIN
  IF p_key IS NOT NULL THEN
    SELECT e.id INTO found_id FROM workflow_executions e
    WHERE e.workflow_id = p_workflow_id AND e.idempotency_key = p_key;
  END IF;
  IF found_id IS NULL THEN
    existing := false;
    found_id := p_id;
    IF p_revision = 0 THEN
      SELECT w.revision INTO p_revision FROM workflows w
      WHERE w.id = p_workflow_id AND w.deleted_at IS NULL;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no workflow ''%''', p_workflow_id USING ERRCODE = 'AUR01';
      END IF;
    END IF;
    INSERT INTO workflow_executions (id, workflow_id, revision, status, input_data, output_data,
                                     error, created_at, started_at, completed_at,
                                     idempotency_key, metrics, error_message, execution_time,
                                     shard, created_by, secrets)
    VALUES (p_id, p_workflow_id, p_revision, p_status, p_input, p_output, p_error,
            auraos_ts(p_created), auraos_ts(p_started), auraos_ts(p_completed), p_key,
            p_metrics, p_error ->> 'message', p_completed - p_started, p_shard, p_created_by,
            p_secrets);
  END IF;
  RETURN QUERY
  SELECT e.id::text, e.workflow_id, e.revision, e.status, e.input_data::text,
         e.output_data::text, e.error::text, auraos_ms(e.created_at), auraos_ms(e.started_at),
         auraos_ms(e.completed_at), e.idempotency_key, e.metrics::text, e.error_message,
         e.execution_time, e.created_by, e.secrets, existing
  FROM workflow_executions e WHERE e.id = found_id;
END $$;
