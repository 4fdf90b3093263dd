-- Deletes at most $3 events with timestamp < $2 ms (of $1 type, or NULL: any; with seq < $4,
-- or NULL: any), lowest seq
-- first; returns how many and the highest seq deleted (0: none). A template
-- (query_templates.cpp): event_delete scans idx_events_seq from the start,
-- event_delete_by_type idx_events_type from the type's start.
WITH gone AS (
  DELETE FROM events WHERE seq IN (
    SELECT seq FROM events
    WHERE /*events_by_type*/ ($1::text IS NULL OR type = $1::text)
      AND "timestamp" < auraos_ts($2::bigint)
      AND ($4::bigint IS NULL OR seq < $4::bigint)
    ORDER BY seq
    LIMIT $3::bigint)
  RETURNING seq)
SELECT count(*), coalesce(max(seq), 0) FROM gone
