-- AuraOS store schema, version 1. Times are milliseconds since the epoch (UTC);
-- JSON is stored as text; history payloads are opaque serialized Protobuf bytes.

CREATE TABLE workflows (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  version     TEXT NOT NULL DEFAULT '',
  revision    INTEGER NOT NULL,          -- the latest revision
  definition  TEXT NOT NULL,             -- JSON text of the latest revision
  tags        TEXT NOT NULL DEFAULT '[]',-- JSON array of strings
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  deleted_at  INTEGER                    -- soft delete: revisions stay for executions
);
CREATE INDEX workflows_by_creation ON workflows (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX workflows_by_name ON workflows (name, created_at, id) WHERE deleted_at IS NULL;

CREATE TABLE workflow_revisions (
  workflow_id TEXT NOT NULL REFERENCES workflows (id),
  revision    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  version     TEXT NOT NULL,
  definition  TEXT NOT NULL,
  tags        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,          -- when the workflow was first stored
  updated_at  INTEGER NOT NULL,          -- when this revision was stored
  PRIMARY KEY (workflow_id, revision)
) WITHOUT ROWID;

CREATE TABLE workflow_tags (
  workflow_id TEXT NOT NULL REFERENCES workflows (id),
  tag         TEXT NOT NULL,
  PRIMARY KEY (tag, workflow_id)
) WITHOUT ROWID;

CREATE TABLE workflow_executions (
  id              TEXT PRIMARY KEY,      -- UUID text
  workflow_id     TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  status          TEXT NOT NULL,
  input           TEXT NOT NULL,
  output          TEXT,
  error           TEXT,
  created_at      INTEGER NOT NULL,
  started_at      INTEGER,
  completed_at    INTEGER,
  idempotency_key TEXT,
  FOREIGN KEY (workflow_id, revision) REFERENCES workflow_revisions (workflow_id, revision)
);
CREATE UNIQUE INDEX executions_by_idempotency_key
  ON workflow_executions (workflow_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX executions_by_creation ON workflow_executions (created_at, id);
CREATE INDEX executions_by_workflow ON workflow_executions (workflow_id, created_at, id);
CREATE INDEX executions_by_status ON workflow_executions (status, created_at, id);

CREATE TABLE execution_history (
  execution_id TEXT NOT NULL REFERENCES workflow_executions (id),
  seq          INTEGER NOT NULL,
  timestamp_ms INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  node_id      TEXT NOT NULL DEFAULT '',
  attempt      INTEGER NOT NULL DEFAULT 0,
  payload      BLOB NOT NULL,
  UNIQUE (execution_id, seq)
);

CREATE TABLE execution_snapshots (
  execution_id TEXT NOT NULL REFERENCES workflow_executions (id),
  seq          INTEGER NOT NULL,
  payload      BLOB NOT NULL,
  PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;

CREATE TABLE timers (
  execution_id TEXT NOT NULL REFERENCES workflow_executions (id),
  timer_id     TEXT NOT NULL,
  deadline_ms  INTEGER NOT NULL,
  PRIMARY KEY (execution_id, timer_id)
) WITHOUT ROWID;
CREATE INDEX timers_by_deadline ON timers (deadline_ms, execution_id, timer_id);

CREATE TABLE shard_leases (
  shard       INTEGER PRIMARY KEY,
  owner       TEXT NOT NULL,
  epoch       INTEGER NOT NULL,
  acquired_at INTEGER NOT NULL
);
