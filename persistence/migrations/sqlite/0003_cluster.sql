-- AuraOS store schema, version 3: the cluster's tables and columns (docs/storage.md). SQLite
-- stays a single node: its leases never expire, but the schema matches PostgreSQL's.
-- auraos_shard_of(id, shards) is persistence::shard_of, registered on every connection.

-- The shard count, fixed by the first node; a database that served already used 64.
CREATE TABLE cluster_meta (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  shards INTEGER NOT NULL CHECK (shards >= 1)
);
INSERT INTO cluster_meta (id, shards)
SELECT 1, 64 WHERE EXISTS (SELECT 1 FROM shard_leases) OR EXISTS (SELECT 1 FROM workflow_executions);

CREATE TABLE cluster_nodes (
  name            TEXT PRIMARY KEY,
  incarnation     INTEGER NOT NULL,
  cluster_address TEXT NOT NULL,
  http_address    TEXT NOT NULL,
  started_at      INTEGER NOT NULL,
  heartbeat_at    INTEGER NOT NULL,
  left_at         INTEGER                     -- NULL while a member
);

-- Leases: the owner's incarnation, and when the lease ends (ms; NULL: never).
ALTER TABLE shard_leases ADD COLUMN incarnation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shard_leases ADD COLUMN expires_at INTEGER;

-- The shard of every execution and timer (stored at write time by the store).
ALTER TABLE workflow_executions ADD COLUMN shard INTEGER NOT NULL DEFAULT 0;
UPDATE workflow_executions SET shard = auraos_shard_of(id, 64);
ALTER TABLE timers ADD COLUMN shard INTEGER NOT NULL DEFAULT 0;
UPDATE timers SET shard = auraos_shard_of(execution_id, 64);
-- No index on the shard columns: SQLite serves a single node, which reads every shard (the
-- shard-filtered reads are for clustered PostgreSQL nodes), and each index would cost every
-- status change and timer write of the hot path.
