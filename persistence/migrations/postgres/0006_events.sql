-- AuraOS store schema, version 6: the event log (docs/storage.md, "Events"). The seed's
-- `events` table (version 2, reserved until now) gets its storing order and storing time, and
-- a table of consumers' cursors.
--
-- Column types: correlation_id and causation_id become TEXT (they were UUID): correlation ids
-- come from other systems and are not UUIDs. id becomes TEXT too: a publisher (CloudEvents)
-- may name its events with any string; the runtime assigns UUID text when none is given.
ALTER TABLE events ALTER COLUMN id DROP DEFAULT;
ALTER TABLE events ALTER COLUMN id TYPE text;
ALTER TABLE events ALTER COLUMN correlation_id TYPE text;
ALTER TABLE events ALTER COLUMN causation_id TYPE text;

-- seq: the storing order, an identity (never reused, also when retention deleted every event).
-- Each node's store actor is the single writer of that node, so seq order is commit order on
-- one node; across nodes two transactions may commit out of seq order (docs/storage.md).
-- Rows written before this version (none by the runtime) get seqs in time order.
ALTER TABLE events ADD COLUMN seq bigint;
ALTER TABLE events ADD COLUMN stored_at timestamptz;
UPDATE events e SET seq = n.seq, stored_at = e."timestamp"
FROM (SELECT id, row_number() OVER (ORDER BY "timestamp", id) AS seq FROM events) AS n
WHERE n.id = e.id;
ALTER TABLE events ALTER COLUMN seq SET NOT NULL;
ALTER TABLE events ALTER COLUMN stored_at SET NOT NULL;
ALTER TABLE events ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('events', 'seq'), max(seq)) FROM events
HAVING max(seq) IS NOT NULL;

-- The list indexes keep the seed's names and end in seq, so each filter of a list is a range
-- scan in storing order that starts at the cursor and stops after one page (the queries
-- event_list*.sql say which index serves which filter; EXPLAIN checked each).
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
  seq  BIGINT NOT NULL
);

-- Stores events in the given order (arrays of one element per event), each unless its id is
-- stored already; returns every event as stored, in the given order, with `existing` (it was
-- there before; also for the second of two equal ids in one call).
CREATE FUNCTION auraos_publish_events(p_ids text[], p_types text[], p_sources text[],
                                      p_data text[], p_metadata text[], p_times bigint[],
                                      p_correlations text[], p_causations text[],
                                      p_stored bigint[])
RETURNS TABLE (r_id text, r_type text, r_source text, r_data text, r_metadata text,
               r_timestamp bigint, r_correlation text, r_causation text, r_seq bigint,
               r_stored bigint, r_existing boolean)
LANGUAGE plpgsql AS $$
DECLARE
  inserted boolean;
BEGIN
  FOR i IN 1 .. coalesce(array_length(p_ids, 1), 0) LOOP
    INSERT INTO events (id, type, source, data, metadata, "timestamp", correlation_id,
                        causation_id, stored_at)
    VALUES (p_ids[i], p_types[i], p_sources[i], p_data[i]::jsonb, p_metadata[i]::jsonb,
            auraos_ts(p_times[i]), p_correlations[i], p_causations[i], auraos_ts(p_stored[i]))
    ON CONFLICT (id) DO NOTHING;
    inserted := FOUND;
    RETURN QUERY
    SELECT e.id, e.type, e.source, e.data::text, e.metadata::text, auraos_ms(e."timestamp"),
           e.correlation_id, e.causation_id, e.seq, auraos_ms(e.stored_at), NOT inserted
    FROM events e WHERE e.id = p_ids[i];
  END LOOP;
END $$;
