-- Event seqs in commit order, without holes, for the nodes of a cluster.
--
-- Until now seq was an identity: two nodes publishing at once could commit out of seq order
-- (a reader could see seq 96 before 95), and an idempotent repeat (ON CONFLICT) burned a value.
-- A node that follows the log (live subscribers, waits, triggers and patterns of events other
-- nodes stored) reads "every event after the last seq I read": that is only complete when a
-- seq becomes visible after every lower one. So seqs now come from one counter row that a
-- publishing transaction locks until it commits: publishers of the cluster take seqs one
-- transaction after the other (each batch is one transaction, so this costs one lock per batch),
-- a seq is visible only once every lower one is, and a repeat or a rolled-back batch takes none.
CREATE TABLE event_seq_counter (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_seq bigint NOT NULL
);
-- The counter starts after every seq ever given (the identity's last value: retention may have
-- deleted the newest events) and every consumer's cursor, so no seq is given twice.
DO $$
DECLARE
  sequence_name text := pg_get_serial_sequence('events', 'seq');
  given bigint := 0;
BEGIN
  IF sequence_name IS NOT NULL THEN
    EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %s',
                   sequence_name) INTO given;
  END IF;
  INSERT INTO event_seq_counter (last_seq)
  VALUES (greatest(given, coalesce((SELECT max(seq) FROM events), 0),
                   coalesce((SELECT max(seq) FROM event_cursors), 0)));
END $$;

ALTER TABLE events ALTER COLUMN seq DROP IDENTITY IF EXISTS;

-- One statement for the whole batch (was one INSERT and one SELECT per event): the events whose
-- id is new (first occurrence in the batch, not stored before) get the next seqs in the batch's
-- order; every event comes back as stored, in the given order, with `existing`.
CREATE OR REPLACE FUNCTION auraos_publish_events(p_ids text[], p_types text[], p_sources text[],
                                                 p_data text[], p_metadata text[],
                                                 p_times bigint[], p_correlations text[],
                                                 p_causations text[], p_stored bigint[])
RETURNS TABLE (r_id text, r_type text, r_source text, r_data text, r_metadata text,
               r_timestamp bigint, r_correlation text, r_causation text, r_seq bigint,
               r_stored bigint, r_existing boolean)
-- A custom plan per call: a generic plan cached while the table was small (a sequential scan
-- for `id = ANY (p_ids)`) would stay in the store's long-lived session and grow with the
-- table (measured: 11 ms per 100 events at 3,000 events, 26 ms at 33,000; 10-12 ms with this).
SET plan_cache_mode = force_custom_plan
LANGUAGE plpgsql AS $$
DECLARE
  first_seq bigint;
  last_given bigint;
BEGIN
  -- Locks the counter until this transaction ends (commit order = seq order). Every publisher
  -- takes this lock first, so the existence check below cannot race another publish.
  SELECT c.last_seq INTO first_seq FROM event_seq_counter c FOR UPDATE;
  RETURN QUERY
  WITH given AS (
    SELECT g.*
    FROM unnest(p_ids, p_types, p_sources, p_data, p_metadata, p_times, p_correlations,
                p_causations, p_stored)
         WITH ORDINALITY AS g(id, type, source, data, metadata, at_ms, correlation, causation,
                              stored_ms, ord)
  ),
  fresh AS (
    SELECT f.*, first_seq + row_number() OVER (ORDER BY f.ord) AS seq
    FROM (SELECT DISTINCT ON (g.id) g.* FROM given g ORDER BY g.id, g.ord) AS f
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = f.id)
  ),
  inserted AS (
    INSERT INTO events (id, type, source, data, metadata, "timestamp", correlation_id,
                        causation_id, stored_at, seq)
    SELECT f.id, f.type, f.source, f.data::jsonb, f.metadata::jsonb, auraos_ts(f.at_ms),
           f.correlation, f.causation, auraos_ts(f.stored_ms), f.seq
    FROM fresh f ORDER BY f.seq
    RETURNING events.id, events.type, events.source, events.data, events.metadata,
              events."timestamp", events.correlation_id, events.causation_id, events.seq,
              events.stored_at
  ),
  stored AS (
    SELECT i.id, i.type, i.source, i.data, i.metadata, i."timestamp", i.correlation_id,
           i.causation_id, i.seq, i.stored_at FROM inserted i
    UNION ALL
    SELECT e.id, e.type, e.source, e.data, e.metadata, e."timestamp", e.correlation_id,
           e.causation_id, e.seq, e.stored_at
    FROM events e WHERE e.id = ANY (p_ids)
  )
  SELECT s.id, s.type, s.source, s.data::text, s.metadata::text, auraos_ms(s."timestamp"),
         s.correlation_id, s.causation_id, s.seq, auraos_ms(s.stored_at),
         NOT EXISTS (SELECT 1 FROM fresh f WHERE f.ord = g.ord)
  FROM given g JOIN stored s ON s.id = g.id
  ORDER BY g.ord;
  SELECT coalesce(max(e.seq), first_seq) INTO last_given FROM events e WHERE e.seq > first_seq;
  UPDATE event_seq_counter SET last_seq = last_given;
END $$;
