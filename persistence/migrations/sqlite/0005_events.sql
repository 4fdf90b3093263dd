-- AuraOS store schema, version 5: the event log (docs/storage.md, "Events"). The seed's
-- `events` table (version 2, reserved until now) gets its storing order and storing time, and
-- a table of consumers' cursors. Times are ms since the epoch, as in every other table.
--
-- seq: the storing order, strictly increasing in commit order (SQLite has one writer). It is
-- taken from the counter event_seq, never from MAX(seq) + 1: a retention delete of every event
-- must not make seqs start again below a consumer's cursor.
ALTER TABLE events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN stored_at INTEGER NOT NULL DEFAULT 0;
-- Rows written before this version (none by the runtime) get seqs in time order.
UPDATE events SET seq = n.seq, stored_at = events.timestamp
FROM (SELECT id, row_number() OVER (ORDER BY timestamp, id) AS seq FROM events) AS n
WHERE n.id = events.id;

-- The last seq assigned (one row).
CREATE TABLE event_seq (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL
);
INSERT INTO event_seq (id, last_seq) SELECT 1, coalesce(max(seq), 0) FROM events;

-- The list indexes keep the seed's names and end in seq, so each filter of a list is a range
-- scan in storing order that starts at the cursor and stops after one page (the queries
-- event_list*.sql say which index serves which filter; EXPLAIN QUERY PLAN checked each).
CREATE UNIQUE INDEX idx_events_seq ON events (seq);
DROP INDEX idx_events_type;
CREATE INDEX idx_events_type ON events (type, seq);
DROP INDEX idx_events_source;
CREATE INDEX idx_events_source ON events (source, seq);
DROP INDEX idx_events_correlation_id;
CREATE INDEX idx_events_correlation_id ON events (correlation_id, seq);

-- How far each named consumer of the log (e.g. "triggers") got: the highest seq it handled.
CREATE TABLE event_cursors (
  name TEXT PRIMARY KEY,
  seq  INTEGER NOT NULL
) WITHOUT ROWID;
