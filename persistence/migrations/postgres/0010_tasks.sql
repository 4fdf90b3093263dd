-- AuraOS store schema for PostgreSQL, version 10: the task service's tables (docs/storage.md,
-- "Tasks"). The seed's `tasks` and `task_executions` (version 1, reserved until now) get the
-- columns task definitions and their runs need; the runs' log lines and the tasks' schedules
-- get tables.
--
-- tasks.id becomes TEXT (it was UUID), as events.id did in version 6 and as workflows.id is:
-- the caller names a task ("nightly-report"). Run ids stay UUIDs.
ALTER TABLE task_executions DROP CONSTRAINT task_executions_task_id_fkey;
ALTER TABLE tasks ALTER COLUMN id DROP DEFAULT;
ALTER TABLE tasks ALTER COLUMN id TYPE text USING id::text;
ALTER TABLE task_executions ALTER COLUMN task_id TYPE text USING task_id::text;
-- Deleting a task deletes its runs (and their log lines, below) in the database.
ALTER TABLE task_executions ADD CONSTRAINT task_executions_task_id_fkey
  FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE;

-- Task definitions: `config` holds the definition's `config` member and `metadata` its
-- `metadata` member (both derived by the store), `definition` the whole canonical definition.
ALTER TABLE tasks ADD COLUMN queue text NOT NULL DEFAULT 'default';
ALTER TABLE tasks ADD COLUMN definition jsonb NOT NULL DEFAULT '{}';
CREATE INDEX idx_tasks_created ON tasks (created_at, id);

-- Runs: the seed's columns keep their names (input_data, output_data, error, error_message,
-- execution_time: ms of the last attempt, resource_allocation, attempt: attempts started).
ALTER TABLE task_executions ALTER COLUMN started_at DROP DEFAULT;
ALTER TABLE task_executions ALTER COLUMN attempt TYPE bigint;
ALTER TABLE task_executions ADD COLUMN priority bigint NOT NULL DEFAULT 0;
ALTER TABLE task_executions ADD COLUMN queue text NOT NULL DEFAULT 'default';
ALTER TABLE task_executions ADD COLUMN shard bigint NOT NULL DEFAULT 0;
ALTER TABLE task_executions ADD COLUMN queued_at timestamptz;
UPDATE task_executions SET queued_at = created_at;
ALTER TABLE task_executions ALTER COLUMN queued_at SET NOT NULL;
ALTER TABLE task_executions ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE task_executions ADD COLUMN worker text;
ALTER TABLE task_executions ADD COLUMN lease_id text;
ALTER TABLE task_executions ADD COLUMN lease_expires_at timestamptz;
ALTER TABLE task_executions ADD COLUMN idempotency_key text;
ALTER TABLE task_executions ADD COLUMN batch_id text;
ALTER TABLE task_executions ADD COLUMN depends_on jsonb NOT NULL DEFAULT '[]';
ALTER TABLE task_executions ADD COLUMN retry_of uuid;
ALTER TABLE task_executions ADD COLUMN schedule_time timestamptz;
-- The seed's list indexes get the (queued_at, id) keyset suffix, as the executions' did; the
-- unfinished runs of a node's shards (recovery) have a partial index, as executions do.
DROP INDEX idx_task_executions_task_id;
CREATE INDEX idx_task_executions_task_id ON task_executions (task_id, queued_at, id);
DROP INDEX idx_task_executions_status;
CREATE INDEX idx_task_executions_status ON task_executions (status, queued_at, id);
CREATE INDEX idx_task_executions_unfinished_shard ON task_executions (shard, queued_at, id)
  WHERE status IN ('queued', 'running', 'retrying');
CREATE UNIQUE INDEX idx_task_executions_idempotency_key
  ON task_executions (task_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Log lines of runs, numbered 1, 2, ... per run; deleted with their run.
CREATE TABLE task_execution_logs (
  run_id    uuid NOT NULL REFERENCES task_executions (id) ON DELETE CASCADE,
  seq       bigint NOT NULL,
  logged_at timestamptz NOT NULL,
  stream    text NOT NULL,                 -- stdout, stderr or system
  line      text NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- One schedule per task (its spec as JSON) and its scheduler's state; deleted with its task.
CREATE TABLE task_schedules (
  task_id    text PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  spec       jsonb NOT NULL,
  state      jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Replaces task p_id's definition at p_now; AUR01 (not found) when it does not exist.
CREATE FUNCTION auraos_update_task(p_id text, p_name text, p_description text, p_type text,
                                   p_queue text, p_priority bigint, p_definition jsonb,
                                   p_tags text[], p_now bigint)
RETURNS TABLE (r_id text, r_name text, r_description text, r_type text, r_queue text,
               r_priority bigint, r_definition text, r_tags text, r_created bigint,
               r_updated bigint)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  UPDATE tasks t SET name = p_name, description = p_description, type = p_type,
                     queue = p_queue, priority = p_priority, definition = p_definition,
                     config = coalesce(p_definition -> 'config', '{}'),
                     metadata = p_definition -> 'metadata', tags = p_tags,
                     updated_at = auraos_ts(p_now)
  WHERE t.id = p_id
  RETURNING t.id, t.name, t.description, t.type, t.queue, t.priority::bigint,
            t.definition::text, array_to_json(t.tags)::text, auraos_ms(t.created_at),
            auraos_ms(t.updated_at);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no task ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

-- Deletes task p_id with its schedule, runs and their log lines (ON DELETE CASCADE): AUR01
-- when it does not exist, AUR02 (conflict) while a run of it is queued, running or retrying.
CREATE FUNCTION auraos_delete_task(p_id text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM tasks t WHERE t.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no task ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
  IF EXISTS (SELECT 1 FROM task_executions e WHERE e.task_id = p_id
             AND e.status IN ('queued', 'running', 'retrying')) THEN
    RAISE EXCEPTION 'task ''%'' has unfinished runs', p_id USING ERRCODE = 'AUR02';
  END IF;
  DELETE FROM tasks t WHERE t.id = p_id;
END $$;

-- Creates runs (arrays of one element per run) in one statement. A run whose (task, key) is
-- stored already, or used by an earlier run of the same call, is not created. Answers per run,
-- in the given order: `existing`, the id of the run that stands for it (its own when created)
-- and, when that run was stored before this call, its columns (as task_run_get.sql); the
-- caller knows the rest, so new runs cost no read back. AUR01 names a task that does not
-- exist.
CREATE FUNCTION auraos_create_task_runs(
    p_ids uuid[], p_tasks text[], p_statuses text[], p_inputs text[], p_outputs text[],
    p_errors text[], p_attempts bigint[], p_priorities bigint[], p_queues text[],
    p_shards bigint[], p_queued bigint[], p_started bigint[], p_completed bigint[],
    p_next bigint[], p_resources text[], p_workers text[], p_lease_ids text[],
    p_lease_ends bigint[], p_keys text[], p_batches text[], p_depends text[],
    p_retry_of uuid[], p_executions uuid[], p_nodes text[], p_schedule_times bigint[])
RETURNS TABLE (r_existing boolean, r_target text, r_id text, r_task_id text, r_status text,
               r_input text, r_output text, r_error text, r_attempts bigint, r_priority bigint,
               r_queue text, r_shard bigint, r_queued bigint, r_started bigint,
               r_completed bigint, r_next bigint, r_resources text, r_worker text,
               r_lease_id text, r_lease_ends bigint, r_key text, r_batch text, r_depends text,
               r_retry_of text, r_execution text, r_node text, r_schedule_time bigint)
-- A custom plan per call (see auraos_publish_events, version 9): the idempotency lookups are
-- planned for the table as it is now.
SET plan_cache_mode = force_custom_plan
LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  SELECT t.id INTO missing FROM (SELECT DISTINCT u.id FROM unnest(p_tasks) AS u(id)) AS t
  WHERE NOT EXISTS (SELECT 1 FROM tasks k WHERE k.id = t.id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'no task ''%''', missing USING ERRCODE = 'AUR01';
  END IF;
  RETURN QUERY
  WITH given AS (
    SELECT g.*,
           CASE WHEN g.idem_key IS NULL THEN 1
                ELSE row_number() OVER same_key END AS nth,
           first_value(g.id) OVER same_key AS first_id
    FROM unnest(p_ids, p_tasks, p_statuses, p_inputs, p_outputs, p_errors, p_attempts,
                p_priorities, p_queues, p_shards, p_queued, p_started, p_completed, p_next,
                p_resources, p_workers, p_lease_ids, p_lease_ends, p_keys, p_batches,
                p_depends, p_retry_of, p_executions, p_nodes, p_schedule_times)
         WITH ORDINALITY AS g(id, task_id, status, input, output, error, attempts, priority,
                              queue, shard, queued, started, completed, next_at, resources,
                              worker, lease_id, lease_ends, idem_key, batch, depends, retry_of,
                              execution, node, schedule_time, ord)
    WINDOW same_key AS (PARTITION BY g.task_id, g.idem_key ORDER BY g.ord)
  ),
  earlier AS (
    SELECT e.id, e.task_id, e.idempotency_key
    FROM task_executions e
    JOIN (SELECT DISTINCT g.task_id, g.idem_key FROM given g WHERE g.idem_key IS NOT NULL) AS k
      ON e.task_id = k.task_id AND e.idempotency_key = k.idem_key
  ),
  resolved AS (
    SELECT g.*, o.id AS earlier_id,
           coalesce(o.id, CASE WHEN g.idem_key IS NULL THEN g.id ELSE g.first_id END) AS target,
           o.id IS NOT NULL OR g.nth > 1 AS existing
    FROM given g
    LEFT JOIN earlier o ON o.task_id = g.task_id AND o.idempotency_key = g.idem_key
  ),
  inserted AS (
    INSERT INTO task_executions (id, task_id, status, input_data, output_data, error,
                                 error_message, attempt, priority, queue, shard, queued_at,
                                 created_at, started_at, completed_at, execution_time,
                                 next_attempt_at, resource_allocation, worker, lease_id,
                                 lease_expires_at, idempotency_key, batch_id, depends_on,
                                 retry_of, execution_id, node_id, schedule_time)
    SELECT r.id, r.task_id, r.status, r.input::jsonb, r.output::jsonb, r.error::jsonb,
           r.error::jsonb ->> 'message', r.attempts, r.priority, r.queue, r.shard,
           auraos_ts(r.queued), auraos_ts(r.queued), auraos_ts(r.started),
           auraos_ts(r.completed), r.completed - r.started, auraos_ts(r.next_at),
           r.resources::jsonb, r.worker, r.lease_id, auraos_ts(r.lease_ends), r.idem_key,
           r.batch, r.depends::jsonb, r.retry_of, r.execution, r.node, auraos_ts(r.schedule_time)
    FROM resolved r WHERE NOT r.existing ORDER BY r.ord
  )
  -- The stored runs' rows are read before this statement's inserts (one snapshot): a run
  -- standing for a later one of the same call is answered by the caller from what it sent.
  SELECT r.existing, r.target::text, s.id::text, s.task_id, s.status, s.input_data::text,
         s.output_data::text, s.error::text, s.attempt, s.priority, s.queue, s.shard,
         auraos_ms(s.queued_at), auraos_ms(s.started_at), auraos_ms(s.completed_at),
         auraos_ms(s.next_attempt_at), s.resource_allocation::text, s.worker, s.lease_id,
         auraos_ms(s.lease_expires_at), s.idempotency_key, s.batch_id, s.depends_on::text,
         s.retry_of::text, s.execution_id::text, s.node_id, auraos_ms(s.schedule_time)
  FROM resolved r LEFT JOIN task_executions s ON s.id = r.earlier_id
  ORDER BY r.ord;
END $$;

-- Replaces the mutable fields of run p_id (update_task_run_op); derives error_message and
-- execution_time (ms of the last attempt). AUR01 when the run does not exist.
CREATE FUNCTION auraos_update_task_run(p_id uuid, p_status text, p_output jsonb, p_error jsonb,
                                       p_attempts bigint, p_priority bigint, p_started bigint,
                                       p_completed bigint, p_next bigint, p_resources jsonb,
                                       p_worker text, p_lease_id text, p_lease_ends bigint,
                                       p_depends jsonb, p_schedule_time bigint)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_executions e SET
    status = p_status, output_data = p_output, error = p_error,
    error_message = p_error ->> 'message', attempt = p_attempts, priority = p_priority,
    started_at = auraos_ts(p_started), completed_at = auraos_ts(p_completed),
    execution_time = p_completed - p_started, next_attempt_at = auraos_ts(p_next),
    resource_allocation = p_resources, worker = p_worker, lease_id = p_lease_id,
    lease_expires_at = auraos_ts(p_lease_ends), depends_on = p_depends,
    schedule_time = auraos_ts(p_schedule_time)
  WHERE e.id = p_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no task run ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

-- Appends log lines to run p_run, numbered on from its last line; the run's row is locked so
-- two appends number one after the other. AUR01 when the run does not exist.
CREATE FUNCTION auraos_append_task_log(p_run uuid, p_at bigint[], p_streams text[],
                                       p_lines text[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
BEGIN
  PERFORM 1 FROM task_executions e WHERE e.id = p_run FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no task run ''%''', p_run USING ERRCODE = 'AUR01';
  END IF;
  SELECT coalesce(max(l.seq), 0) INTO last_seq FROM task_execution_logs l WHERE l.run_id = p_run;
  INSERT INTO task_execution_logs (run_id, seq, logged_at, stream, line)
  SELECT p_run, last_seq + l.ord, auraos_ts(l.at_ms), l.stream, l.line
  FROM unnest(p_at, p_streams, p_lines) WITH ORDINALITY AS l(at_ms, stream, line, ord);
END $$;

-- Deletes task p_task's schedule; AUR01 when it has none.
CREATE FUNCTION auraos_delete_task_schedule(p_task text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_schedules s WHERE s.task_id = p_task;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no schedule of task ''%''', p_task USING ERRCODE = 'AUR01';
  END IF;
END $$;
