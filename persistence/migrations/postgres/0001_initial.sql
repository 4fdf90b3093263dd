-- AuraOS store schema for PostgreSQL, version 1. Keys are UUIDs (workflow ids are chosen by
-- the caller, so they stay TEXT), JSON is JSONB, times are TIMESTAMPTZ, tags are TEXT[].
-- The store talks in milliseconds since the epoch: auraos_ts/auraos_ms convert exactly.
-- Request-level rejections raise SQLSTATE AUR01 not found, AUR02 conflict, AUR03 fenced.

CREATE FUNCTION auraos_ts(ms bigint) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
$$ SELECT timestamptz 'epoch' + ms * interval '1 millisecond' $$;
CREATE FUNCTION auraos_ms(t timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE AS
$$ SELECT (extract(epoch FROM t) * 1000)::bigint $$;

CREATE TABLE users (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email      TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE workflows (
  id          TEXT PRIMARY KEY,
  user_id     UUID REFERENCES users (id),
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  version     TEXT NOT NULL DEFAULT '',
  revision    BIGINT NOT NULL,             -- the latest revision
  definition  JSONB NOT NULL,              -- the latest revision's definition
  tags        TEXT[] NOT NULL DEFAULT '{}',
  created_at  TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  deleted_at  TIMESTAMPTZ                  -- soft delete: revisions stay for executions
);
CREATE INDEX workflows_by_creation ON workflows (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX workflows_by_name ON workflows (name, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX workflows_by_tag ON workflows USING GIN (tags);

CREATE TABLE workflow_revisions (
  workflow_id TEXT NOT NULL REFERENCES workflows (id),
  revision    BIGINT NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  version     TEXT NOT NULL,
  definition  JSONB NOT NULL,
  tags        TEXT[] NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,        -- when the workflow was first stored
  updated_at  TIMESTAMPTZ NOT NULL,        -- when this revision was stored
  PRIMARY KEY (workflow_id, revision)
);

CREATE TABLE workflow_executions (
  id              UUID PRIMARY KEY,
  workflow_id     TEXT NOT NULL,
  revision        BIGINT NOT NULL,
  user_id         UUID REFERENCES users (id),
  status          TEXT NOT NULL,
  input           JSONB NOT NULL,
  output          JSONB,
  error           JSONB,
  created_at      TIMESTAMPTZ NOT NULL,
  started_at      TIMESTAMPTZ,
  completed_at    TIMESTAMPTZ,
  idempotency_key TEXT,
  FOREIGN KEY (workflow_id, revision) REFERENCES workflow_revisions (workflow_id, revision)
);
CREATE UNIQUE INDEX executions_by_idempotency_key
  ON workflow_executions (workflow_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX executions_by_creation ON workflow_executions (created_at, id);
CREATE INDEX executions_by_workflow ON workflow_executions (workflow_id, created_at, id);
CREATE INDEX executions_by_status ON workflow_executions (status, created_at, id);

CREATE TABLE tasks (
  id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     UUID REFERENCES users (id),
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  definition  JSONB NOT NULL,
  tags        TEXT[] NOT NULL DEFAULT '{}',
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tasks_by_tag ON tasks USING GIN (tags);

CREATE TABLE task_executions (
  id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id      UUID REFERENCES tasks (id),
  execution_id UUID REFERENCES workflow_executions (id),
  user_id      UUID REFERENCES users (id),
  node_id      TEXT NOT NULL DEFAULT '',
  attempt      INTEGER NOT NULL DEFAULT 0,
  status       TEXT NOT NULL,
  input        JSONB NOT NULL DEFAULT '{}',
  output       JSONB,
  error        JSONB,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  started_at   TIMESTAMPTZ,
  completed_at TIMESTAMPTZ
);
CREATE INDEX task_executions_by_execution ON task_executions (execution_id, node_id, attempt);

CREATE TABLE events (
  id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     UUID REFERENCES users (id),
  type        TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  subject     TEXT NOT NULL DEFAULT '',
  data        JSONB NOT NULL DEFAULT '{}',
  tags        TEXT[] NOT NULL DEFAULT '{}',
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX events_by_type ON events (type, created_at);

CREATE TABLE execution_history (
  execution_id UUID NOT NULL REFERENCES workflow_executions (id),
  seq          BIGINT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  kind         TEXT NOT NULL,
  node_id      TEXT NOT NULL DEFAULT '',
  attempt      BIGINT NOT NULL DEFAULT 0,
  payload      BYTEA NOT NULL,
  PRIMARY KEY (execution_id, seq)
);

CREATE TABLE execution_snapshots (
  execution_id UUID NOT NULL REFERENCES workflow_executions (id),
  seq          BIGINT NOT NULL,
  payload      BYTEA NOT NULL,
  PRIMARY KEY (execution_id, seq)
);

CREATE TABLE timers (
  execution_id UUID NOT NULL REFERENCES workflow_executions (id),
  timer_id     TEXT NOT NULL,
  deadline     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (execution_id, timer_id)
);
CREATE INDEX timers_by_deadline ON timers (deadline, execution_id, timer_id);

CREATE TABLE shard_leases (
  shard       BIGINT PRIMARY KEY,
  owner       TEXT NOT NULL,
  epoch       BIGINT NOT NULL,
  acquired_at TIMESTAMPTZ NOT NULL
);

-- Stores a workflow's next revision; returns it and the first creation time.
CREATE FUNCTION auraos_put_workflow(p_id text, p_name text, p_description text, p_version text,
                                    p_definition jsonb, p_tags text[], p_now bigint)
RETURNS TABLE (new_revision bigint, first_created bigint) LANGUAGE plpgsql AS $$
DECLARE
  previous bigint := 0;
  created timestamptz := auraos_ts(p_now);
BEGIN
  SELECT w.revision, w.created_at INTO previous, created FROM workflows w
  WHERE w.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    previous := 0;
    created := auraos_ts(p_now);
  END IF;
  INSERT INTO workflows AS w (id, name, description, version, revision, definition, tags,
                              created_at, updated_at, deleted_at)
  VALUES (p_id, p_name, p_description, p_version, previous + 1, p_definition, p_tags, created,
          auraos_ts(p_now), NULL)
  ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, description = excluded.description, version = excluded.version,
    revision = excluded.revision, definition = excluded.definition, tags = excluded.tags,
    updated_at = excluded.updated_at, deleted_at = NULL;
  INSERT INTO workflow_revisions (workflow_id, revision, name, description, version, definition,
                                  tags, created_at, updated_at)
  VALUES (p_id, previous + 1, p_name, p_description, p_version, p_definition, p_tags, created,
          auraos_ts(p_now));
  RETURN QUERY SELECT previous + 1, auraos_ms(created);
END $$;

-- Soft-deletes a live workflow.
CREATE FUNCTION auraos_delete_workflow(p_id text, p_now bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE workflows w SET deleted_at = auraos_ts(p_now) WHERE w.id = p_id AND w.deleted_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no workflow ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

-- Creates an execution, or returns the one with the same idempotency key (existing = true).
CREATE FUNCTION auraos_create_execution(p_id uuid, p_workflow_id text, p_revision bigint,
                                        p_status text, p_input jsonb, p_output jsonb,
                                        p_error jsonb, p_created bigint, p_started bigint,
                                        p_completed bigint, p_key text)
RETURNS TABLE (r_id text, r_workflow_id text, r_revision bigint, r_status text, r_input text,
               r_output text, r_error text, r_created bigint, r_started bigint,
               r_completed bigint, r_key text, r_existing boolean)
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
    INSERT INTO workflow_executions (id, workflow_id, revision, status, input, output, error,
                                     created_at, started_at, completed_at, idempotency_key)
    VALUES (p_id, p_workflow_id, p_revision, p_status, p_input, p_output, p_error,
            auraos_ts(p_created), auraos_ts(p_started), auraos_ts(p_completed), p_key);
  END IF;
  RETURN QUERY
  SELECT e.id::text, e.workflow_id, e.revision, e.status, e.input::text, e.output::text,
         e.error::text, auraos_ms(e.created_at), auraos_ms(e.started_at),
         auraos_ms(e.completed_at), e.idempotency_key, existing
  FROM workflow_executions e WHERE e.id = found_id;
END $$;

-- Changes the given (non-null) fields of an execution.
CREATE FUNCTION auraos_update_execution(p_id uuid, p_status text, p_output jsonb, p_error jsonb,
                                        p_started bigint, p_completed bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE workflow_executions e SET
    status = COALESCE(p_status, e.status), output = COALESCE(p_output, e.output),
    error = COALESCE(p_error, e.error),
    started_at = COALESCE(auraos_ts(p_started), e.started_at),
    completed_at = COALESCE(auraos_ts(p_completed), e.completed_at)
  WHERE e.id = p_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no execution ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

-- Appends history records numbered from p_expected, if the writer may: the lease (locked FOR
-- SHARE, so no acquisition commits before this transaction ends) must hold the writer's epoch,
-- and p_expected must be the next seq. The primary key (execution_id, seq) backs the second
-- check against any writer that bypasses it.
CREATE FUNCTION auraos_append_history(p_execution uuid, p_expected bigint, p_shard bigint,
                                      p_epoch bigint, p_recorded bigint[], p_kinds text[],
                                      p_nodes text[], p_attempts bigint[], p_payloads bytea[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  held bigint;
  holder text;
  next_seq bigint;
BEGIN
  IF p_shard IS NOT NULL THEN
    SELECT l.epoch, l.owner INTO held, holder FROM shard_leases l
    WHERE l.shard = p_shard FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'shard % has no lease', p_shard USING ERRCODE = 'AUR03';
    END IF;
    IF held <> p_epoch THEN
      RAISE EXCEPTION 'lease lost, shard % is at epoch % (owner ''%''), the writer holds epoch %',
        p_shard, held, holder, p_epoch USING ERRCODE = 'AUR03';
    END IF;
  END IF;
  SELECT COALESCE(MAX(h.seq), 0) + 1 INTO next_seq FROM execution_history h
  WHERE h.execution_id = p_execution;
  IF next_seq <> p_expected THEN
    RAISE EXCEPTION 'expected next seq % but the next is %', p_expected, next_seq
      USING ERRCODE = 'AUR02';
  END IF;
  INSERT INTO execution_history (execution_id, seq, recorded_at, kind, node_id, attempt, payload)
  SELECT p_execution, p_expected + e.ord - 1, auraos_ts(e.recorded), e.kind, e.node_id,
         e.attempt, e.payload
  FROM unnest(p_recorded, p_kinds, p_nodes, p_attempts, p_payloads)
       WITH ORDINALITY AS e (recorded, kind, node_id, attempt, payload, ord);
END $$;
