-- AuraOS store schema, version 2: the tables and column names of the seed's Database Design
-- (docs/storage.md says which columns the runtime fills and which are reserved). Existing
-- databases upgrade in place: columns are renamed or added, rows keep their data.

CREATE TABLE users (
  id         TEXT PRIMARY KEY,             -- UUID text
  email      TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

-- Workflows: a status (draft / active / archived), an owner, the definition's metadata.
ALTER TABLE workflows ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
  CHECK (status IN ('draft', 'active', 'archived'));
-- Workflows stored before statuses existed were runnable and in use: they become active.
UPDATE workflows SET status = 'active';
ALTER TABLE workflows ADD COLUMN created_by TEXT REFERENCES users (id);
ALTER TABLE workflows ADD COLUMN metadata TEXT;  -- JSON text
ALTER TABLE workflow_revisions ADD COLUMN metadata TEXT;
CREATE INDEX idx_workflows_status ON workflows (status);
CREATE INDEX idx_workflows_created_by ON workflows (created_by);
CREATE INDEX idx_workflows_created_at ON workflows (created_at);

-- Executions: the seed's names for input and output, and what the seed derives from a run.
ALTER TABLE workflow_executions RENAME COLUMN input TO input_data;
ALTER TABLE workflow_executions RENAME COLUMN output TO output_data;
ALTER TABLE workflow_executions ADD COLUMN error_message TEXT;
ALTER TABLE workflow_executions ADD COLUMN execution_time INTEGER;  -- ms, completed - started
ALTER TABLE workflow_executions ADD COLUMN resource_usage TEXT;     -- JSON text, reserved
ALTER TABLE workflow_executions ADD COLUMN metrics TEXT;            -- JSON text
UPDATE workflow_executions SET
  error_message = CASE WHEN json_valid(error) THEN json_extract(error, '$.message') END,
  execution_time = completed_at - started_at;
-- The seed's index names; the list indexes keep their (created_at, id) keyset suffix.
DROP INDEX executions_by_workflow;
DROP INDEX executions_by_status;
CREATE INDEX idx_workflow_executions_workflow_id
  ON workflow_executions (workflow_id, created_at, id);
CREATE INDEX idx_workflow_executions_status ON workflow_executions (status, created_at, id);
CREATE INDEX idx_workflow_executions_started_at ON workflow_executions (started_at);

-- Reserved for the task and event services (created now, not written by this version).
CREATE TABLE tasks (
  id          TEXT PRIMARY KEY,            -- UUID text
  name        TEXT NOT NULL,
  description TEXT,
  type        TEXT NOT NULL,
  config      TEXT NOT NULL,               -- JSON text
  status      TEXT NOT NULL DEFAULT 'pending',
  priority    INTEGER NOT NULL DEFAULT 0,
  created_by  TEXT REFERENCES users (id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  tags        TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  metadata    TEXT
);
CREATE INDEX idx_tasks_status ON tasks (status);
CREATE INDEX idx_tasks_type ON tasks (type);
CREATE INDEX idx_tasks_priority ON tasks (priority);
CREATE INDEX idx_tasks_created_by ON tasks (created_by);

CREATE TABLE task_executions (
  id                  TEXT PRIMARY KEY,    -- UUID text
  task_id             TEXT REFERENCES tasks (id),
  execution_id        TEXT REFERENCES workflow_executions (id),
  node_id             TEXT NOT NULL DEFAULT '',
  attempt             INTEGER NOT NULL DEFAULT 0,
  status              TEXT NOT NULL DEFAULT 'running',
  input_data          TEXT,
  output_data         TEXT,
  started_at          INTEGER,
  completed_at        INTEGER,
  error_message       TEXT,
  execution_time      INTEGER,
  resource_allocation TEXT,
  metrics             TEXT
);
CREATE INDEX idx_task_executions_task_id ON task_executions (task_id);
CREATE INDEX idx_task_executions_status ON task_executions (status);
CREATE INDEX idx_task_executions_started_at ON task_executions (started_at);

CREATE TABLE events (
  id             TEXT PRIMARY KEY,         -- UUID text
  type           TEXT NOT NULL,
  source         TEXT NOT NULL,
  data           TEXT NOT NULL,            -- JSON text
  timestamp      INTEGER NOT NULL,
  correlation_id TEXT,
  causation_id   TEXT,
  metadata       TEXT
);
CREATE INDEX idx_events_type ON events (type);
CREATE INDEX idx_events_source ON events (source);
CREATE INDEX idx_events_timestamp ON events (timestamp);
CREATE INDEX idx_events_correlation_id ON events (correlation_id);
