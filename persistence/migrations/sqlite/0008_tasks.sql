-- AuraOS store schema, version 8: the task service's tables (docs/storage.md, "Tasks"). The
-- seed's `tasks` and `task_executions` (version 2, reserved until now) get the columns task
-- definitions and their runs need; the runs' log lines and the tasks' schedules get tables.
-- Times are ms since the epoch, JSON is text.

-- Task definitions: `config` holds the definition's `config` member and `metadata` its
-- `metadata` member (both derived by the store), `definition` the whole canonical definition.
ALTER TABLE tasks ADD COLUMN queue TEXT NOT NULL DEFAULT 'default';
ALTER TABLE tasks ADD COLUMN definition TEXT NOT NULL DEFAULT '{}';
CREATE INDEX idx_tasks_created ON tasks (created_at, id);

-- Runs: the seed's columns keep their names (input_data, output_data, error_message,
-- execution_time: ms of the last attempt, resource_allocation, attempt: attempts started).
ALTER TABLE task_executions ADD COLUMN error TEXT;              -- JSON {"type", "message"}
ALTER TABLE task_executions ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task_executions ADD COLUMN queue TEXT NOT NULL DEFAULT 'default';
ALTER TABLE task_executions ADD COLUMN shard INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task_executions ADD COLUMN queued_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task_executions ADD COLUMN next_attempt_at INTEGER;
ALTER TABLE task_executions ADD COLUMN worker TEXT;
ALTER TABLE task_executions ADD COLUMN lease_id TEXT;
ALTER TABLE task_executions ADD COLUMN lease_expires_at INTEGER;
ALTER TABLE task_executions ADD COLUMN idempotency_key TEXT;
ALTER TABLE task_executions ADD COLUMN batch_id TEXT;
ALTER TABLE task_executions ADD COLUMN depends_on TEXT NOT NULL DEFAULT '[]';  -- JSON
ALTER TABLE task_executions ADD COLUMN retry_of TEXT;
ALTER TABLE task_executions ADD COLUMN schedule_time INTEGER;
-- The seed's list indexes get the (queued_at, id) keyset suffix, as the executions' did: one
-- index serves the seed's lookup and a page in queueing order. Unfinished runs (recovery) are
-- read through idx_task_executions_status; as for executions, SQLite (a single node, which
-- reads every shard) has no shard index.
DROP INDEX idx_task_executions_task_id;
CREATE INDEX idx_task_executions_task_id ON task_executions (task_id, queued_at, id);
DROP INDEX idx_task_executions_status;
CREATE INDEX idx_task_executions_status ON task_executions (status, queued_at, id);
CREATE UNIQUE INDEX idx_task_executions_idempotency_key
  ON task_executions (task_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Log lines of runs, numbered 1, 2, ... per run; deleted with their run.
CREATE TABLE task_execution_logs (
  run_id    TEXT NOT NULL REFERENCES task_executions (id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  logged_at INTEGER NOT NULL,
  stream    TEXT NOT NULL,                 -- stdout, stderr or system
  line      TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

-- One schedule per task (its spec as JSON) and its scheduler's state; deleted with its task.
CREATE TABLE task_schedules (
  task_id    TEXT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  spec       TEXT NOT NULL,
  state      TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
