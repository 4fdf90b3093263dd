-- Retention rules of the event log: per event type (or "*", the default of every type without
-- its own rule) the longest age (seconds) and the most events kept; either may be NULL.
CREATE TABLE event_retention (
  type            TEXT PRIMARY KEY,
  max_age_seconds INTEGER,
  max_count       INTEGER,
  updated_at      INTEGER NOT NULL
) WITHOUT ROWID;
