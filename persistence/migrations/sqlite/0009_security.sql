-- AuraOS store schema, version 9: security (issue 15): users who sign in, custom roles, API and
-- refresh tokens (stored as their SHA-256 only), revoked access tokens and the audit log.
-- Times are ms since the epoch, JSON is text.

-- The seed's `users` (version 2, reserved until now) gets the columns of signing in: a unique,
-- case-sensitive (BINARY) username, the argon2id password hash, a role, a disabled flag and
-- updated_at. Its `email` becomes optional (users sign in by name): SQLite cannot drop a NOT
-- NULL, so the table is rebuilt under its name. No row references a user yet (every
-- created_by is NULL), so dropping the old table deletes nothing else. Rows written before this
-- version (none by the runtime) sign in by their email, disabled, without a password.
CREATE TABLE users_v9 (
  id            TEXT PRIMARY KEY,                -- UUID text
  email         TEXT UNIQUE,
  name          TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  updated_at    INTEGER NOT NULL
);
INSERT INTO users_v9 (id, email, name, created_at, username, password_hash, role, disabled,
                      updated_at)
SELECT id, email, name, created_at, email, '', 'viewer', 1, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_v9 RENAME TO users;
CREATE INDEX idx_users_created ON users (created_at, id);

-- Custom roles (the built-in admin, operator and viewer are not stored): permission names as a
-- JSON array.
CREATE TABLE roles (
  name        TEXT PRIMARY KEY,
  permissions TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- API tokens of programs; deleted with their user.
CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER,                          -- NULL: never
  last_used_at INTEGER,
  revoked_at   INTEGER
);
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id, created_at, id);

-- Refresh tokens of signed-in users; a rotation revokes the old one and names its successor.
CREATE TABLE refresh_tokens (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  issued_at   INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  revoked_at  INTEGER,
  replaced_by TEXT
);
CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id);

-- Revoked access tokens (their `jti`) until they expire. seq is the order nodes poll in: one
-- writer commits in seq order, and AUTOINCREMENT never gives a seq twice (also after a prune
-- deleted the newest entries).
CREATE TABLE token_revocations (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  token_id   TEXT NOT NULL UNIQUE,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER NOT NULL
);
CREATE INDEX idx_token_revocations_expires ON token_revocations (expires_at);

-- The audit log, append-only (deleted only by retention, oldest first). Lists read it newest
-- first by seq; `at` serves time frames and retention, `actor` a user's entries.
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  token_id   TEXT,
  action     TEXT NOT NULL,
  target     TEXT,
  source     TEXT NOT NULL,
  outcome    TEXT NOT NULL CHECK (outcome IN ('allowed', 'refused', 'failed')),
  status     INTEGER NOT NULL,
  details    TEXT CHECK (details IS NULL OR json_valid(details))
);
CREATE INDEX idx_audit_log_at ON audit_log (at, seq);
CREATE INDEX idx_audit_log_actor ON audit_log (actor, seq);
