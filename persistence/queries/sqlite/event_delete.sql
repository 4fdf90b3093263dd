-- Deletes at most ?3 events with timestamp < ?2 (of ?1 type, or NULL: any; with seq < ?4, or
-- NULL: any), lowest seq first;
-- returns the seqs deleted. A template (query_templates.cpp): event_delete scans idx_events_seq
-- from the start, event_delete_by_type idx_events_type from the type's start.
DELETE FROM events WHERE seq IN (
  SELECT seq FROM events
  WHERE /*events_by_type*/ (?1 IS NULL OR type = ?1) AND timestamp < ?2
    AND (?4 IS NULL OR seq < ?4)
  ORDER BY seq
  LIMIT ?3)
RETURNING seq
