-- AuraOS store schema, version 6: pattern rules and their matchers' states
-- (docs/event-patterns.md, "Runtime"). Times are ms since the epoch.
CREATE TABLE event_patterns (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  rule       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX idx_event_patterns_created ON event_patterns (created_at, id);

-- One row per rule whose matcher has stored its state; deleted with its rule.
CREATE TABLE event_pattern_states (
  pattern_id TEXT PRIMARY KEY REFERENCES event_patterns (id) ON DELETE CASCADE,
  state      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
