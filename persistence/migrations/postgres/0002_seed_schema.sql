-- AuraOS store schema for PostgreSQL, version 2: the tables and column names of the seed's
-- Database Design (docs/storage.md says which columns the runtime fills and which are
-- reserved). Existing databases upgrade in place: columns are renamed or added, rows keep
-- their data, and the functions that name renamed columns are replaced.

-- Workflows: a status (draft / active / archived), the seed's owner column, metadata.
ALTER TABLE workflows RENAME COLUMN user_id TO created_by;
ALTER TABLE workflows ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
  CHECK (status IN ('draft', 'active', 'archived'));
-- Workflows stored before statuses existed were runnable and in use: they become active.
UPDATE workflows SET status = 'active';
ALTER TABLE workflows ADD COLUMN metadata JSONB;
ALTER TABLE workflow_revisions ADD COLUMN metadata JSONB;
CREATE INDEX idx_workflows_status ON workflows (status);
CREATE INDEX idx_workflows_created_by ON workflows (created_by);
CREATE INDEX idx_workflows_created_at ON workflows (created_at);

-- Executions: the seed's names for input and output, and what the seed derives from a run.
-- execution_time is BIGINT milliseconds: a durable execution may outlive INTEGER's 24.8 days.
ALTER TABLE workflow_executions RENAME COLUMN input TO input_data;
ALTER TABLE workflow_executions RENAME COLUMN output TO output_data;
ALTER TABLE workflow_executions ADD COLUMN error_message TEXT;
ALTER TABLE workflow_executions ADD COLUMN execution_time BIGINT;
ALTER TABLE workflow_executions ADD COLUMN resource_usage JSONB;  -- reserved
ALTER TABLE workflow_executions ADD COLUMN metrics JSONB;
UPDATE workflow_executions SET
  error_message = error ->> 'message',
  execution_time = auraos_ms(completed_at) - auraos_ms(started_at)
WHERE error IS NOT NULL OR completed_at IS NOT NULL;
-- The seed's index names; the list indexes keep their (created_at, id) keyset suffix.
ALTER INDEX executions_by_workflow RENAME TO idx_workflow_executions_workflow_id;
ALTER INDEX executions_by_status RENAME TO idx_workflow_executions_status;
CREATE INDEX idx_workflow_executions_started_at ON workflow_executions (started_at);

-- Reserved for the task and event services (created in version 1, not written yet): the
-- seed's column names and indexes.
ALTER TABLE tasks RENAME COLUMN user_id TO created_by;
ALTER TABLE tasks RENAME COLUMN definition TO config;
ALTER TABLE tasks ALTER COLUMN description DROP NOT NULL;
ALTER TABLE tasks ADD COLUMN type TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ALTER COLUMN type DROP DEFAULT;
ALTER TABLE tasks ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN metadata JSONB;
CREATE INDEX idx_tasks_status ON tasks (status);
CREATE INDEX idx_tasks_type ON tasks (type);
CREATE INDEX idx_tasks_priority ON tasks (priority);
CREATE INDEX idx_tasks_created_by ON tasks (created_by);

ALTER TABLE task_executions RENAME COLUMN input TO input_data;
ALTER TABLE task_executions RENAME COLUMN output TO output_data;
ALTER TABLE task_executions ALTER COLUMN input_data DROP NOT NULL;
ALTER TABLE task_executions ALTER COLUMN status SET DEFAULT 'running';
ALTER TABLE task_executions ALTER COLUMN started_at SET DEFAULT now();
ALTER TABLE task_executions ADD COLUMN error_message TEXT;
ALTER TABLE task_executions ADD COLUMN execution_time BIGINT;
ALTER TABLE task_executions ADD COLUMN resource_allocation JSONB;
ALTER TABLE task_executions ADD COLUMN metrics JSONB;
CREATE INDEX idx_task_executions_task_id ON task_executions (task_id);
CREATE INDEX idx_task_executions_status ON task_executions (status);
CREATE INDEX idx_task_executions_started_at ON task_executions (started_at);

ALTER TABLE events RENAME COLUMN created_at TO "timestamp";
ALTER TABLE events ALTER COLUMN source DROP DEFAULT;
ALTER TABLE events ADD COLUMN correlation_id UUID;
ALTER TABLE events ADD COLUMN causation_id UUID;
ALTER TABLE events ADD COLUMN metadata JSONB;
ALTER INDEX events_by_type RENAME TO idx_events_type;
CREATE INDEX idx_events_source ON events (source);
CREATE INDEX idx_events_timestamp ON events ("timestamp");
CREATE INDEX idx_events_correlation_id ON events (correlation_id);

-- Stores a workflow's next revision; returns it, the first creation time and the status
-- (p_status, else a live workflow's own, else draft).
DROP FUNCTION auraos_put_workflow(text, text, text, text, jsonb, text[], bigint);
CREATE FUNCTION auraos_put_workflow(p_id text, p_name text, p_description text, p_version text,
                                    p_definition jsonb, p_tags text[], p_now bigint,
                                    p_status text, p_metadata jsonb)
RETURNS TABLE (new_revision bigint, first_created bigint, new_status text)
LANGUAGE plpgsql AS $$
DECLARE
  previous bigint := 0;
  created timestamptz := auraos_ts(p_now);
  old_status text;
  was_deleted boolean;
BEGIN
  SELECT w.revision, w.created_at, w.status, w.deleted_at IS NOT NULL
  INTO previous, created, old_status, was_deleted FROM workflows w
  WHERE w.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    previous := 0;
    created := auraos_ts(p_now);
    was_deleted := true;
  END IF;
  IF p_status IS NULL THEN
    p_status := CASE WHEN was_deleted THEN 'draft' ELSE old_status END;
  END IF;
  INSERT INTO workflows AS w (id, name, description, version, revision, definition, tags,
                              created_at, updated_at, deleted_at, status, metadata)
  VALUES (p_id, p_name, p_description, p_version, previous + 1, p_definition, p_tags, created,
          auraos_ts(p_now), NULL, p_status, p_metadata)
  ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, description = excluded.description, version = excluded.version,
    revision = excluded.revision, definition = excluded.definition, tags = excluded.tags,
    updated_at = excluded.updated_at, deleted_at = NULL, status = excluded.status,
    metadata = excluded.metadata;
  INSERT INTO workflow_revisions (workflow_id, revision, name, description, version, definition,
                                  tags, created_at, updated_at, metadata)
  VALUES (p_id, previous + 1, p_name, p_description, p_version, p_definition, p_tags, created,
          auraos_ts(p_now), p_metadata);
  RETURN QUERY SELECT previous + 1, auraos_ms(created), p_status;
END $$;

-- Moves a live workflow to another status; returns it as workflow_get_latest.sql does.
CREATE FUNCTION auraos_set_workflow_status(p_id text, p_status text)
RETURNS TABLE (r_id text, r_name text, r_description text, r_version text, r_revision bigint,
               r_definition text, r_tags text, r_created bigint, r_updated bigint,
               r_status text, r_metadata text)
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE workflows w SET status = p_status WHERE w.id = p_id AND w.deleted_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no workflow ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
  RETURN QUERY
  SELECT w.id, w.name, w.description, w.version, w.revision, w.definition::text,
         array_to_json(w.tags)::text, auraos_ms(w.created_at), auraos_ms(w.updated_at), w.status,
         w.metadata::text
  FROM workflows w WHERE w.id = p_id;
END $$;

-- Creates an execution, or returns the one with the same idempotency key (existing = true).
-- error_message and execution_time are derived from the error and the times.
DROP FUNCTION auraos_create_execution(uuid, text, bigint, text, jsonb, jsonb, jsonb, bigint,
                                      bigint, bigint, text);
CREATE FUNCTION auraos_create_execution(p_id uuid, p_workflow_id text, p_revision bigint,
                                        p_status text, p_input jsonb, p_output jsonb,
                                        p_error jsonb, p_created bigint, p_started bigint,
                                        p_completed bigint, p_key text, p_metrics jsonb)
RETURNS TABLE (r_id text, r_workflow_id text, r_revision bigint, r_status text, r_input text,
               r_output text, r_error text, r_created bigint, r_started bigint,
               r_completed bigint, r_key text, r_metrics text, r_error_message text,
               r_execution_time bigint, r_existing boolean)
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
                                     idempotency_key, metrics, error_message, execution_time)
    VALUES (p_id, p_workflow_id, p_revision, p_status, p_input, p_output, p_error,
            auraos_ts(p_created), auraos_ts(p_started), auraos_ts(p_completed), p_key,
            p_metrics, p_error ->> 'message', p_completed - p_started);
  END IF;
  RETURN QUERY
  SELECT e.id::text, e.workflow_id, e.revision, e.status, e.input_data::text,
         e.output_data::text, e.error::text, auraos_ms(e.created_at), auraos_ms(e.started_at),
         auraos_ms(e.completed_at), e.idempotency_key, e.metrics::text, e.error_message,
         e.execution_time, existing
  FROM workflow_executions e WHERE e.id = found_id;
END $$;

-- Changes the given (non-null) fields of an execution; derives error_message and
-- execution_time.
DROP FUNCTION auraos_update_execution(uuid, text, jsonb, jsonb, bigint, bigint);
CREATE FUNCTION auraos_update_execution(p_id uuid, p_status text, p_output jsonb, p_error jsonb,
                                        p_started bigint, p_completed bigint, p_metrics jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE workflow_executions e SET
    status = COALESCE(p_status, e.status), output_data = COALESCE(p_output, e.output_data),
    error = COALESCE(p_error, e.error),
    error_message = COALESCE(p_error ->> 'message', e.error_message),
    started_at = COALESCE(auraos_ts(p_started), e.started_at),
    completed_at = COALESCE(auraos_ts(p_completed), e.completed_at),
    execution_time = COALESCE(p_completed, auraos_ms(e.completed_at))
                     - COALESCE(p_started, auraos_ms(e.started_at)),
    metrics = COALESCE(p_metrics, e.metrics)
  WHERE e.id = p_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no execution ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;
