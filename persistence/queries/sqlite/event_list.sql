-- Events in storing order: ?1 type, ?2 source, ?3 correlation id, ?5/?6 timestamp from
-- (inclusive) and to (exclusive), ?7 stored_at from, each or NULL; ?4 seq after which the page
-- starts, ?8 limit. A template: the store prepares one statement per index (query_templates.cpp),
-- the events_by mark becoming the equality that a range scan serves. EXPLAIN QUERY PLAN of each:
--   event_list                 SEARCH events USING INDEX idx_events_seq (seq>?)
--   event_list_by_type         SEARCH events USING INDEX idx_events_type (type=? AND seq>?)
--   event_list_by_source       SEARCH events USING INDEX idx_events_source (source=? AND seq>?)
--   event_list_by_correlation  SEARCH events USING INDEX idx_events_correlation_id
--                              (correlation_id=? AND seq>?)
-- (no temp B-tree: the index gives seq order, the scan stops after ?8 rows; checked by
-- tests/unit/event_query_plan_test.cpp). The store picks correlation, then type, then source;
-- the other filters are checked on the rows scanned, so a time range alone scans
-- idx_events_seq from the cursor. Several types: one query per type.
SELECT id, type, source, data, metadata, timestamp, correlation_id, causation_id, seq, stored_at
FROM events
WHERE /*events_by*/ seq > ?4
  AND (?1 IS NULL OR type = ?1)
  AND (?2 IS NULL OR source = ?2)
  AND (?3 IS NULL OR correlation_id = ?3)
  AND (?5 IS NULL OR timestamp >= ?5)
  AND (?6 IS NULL OR timestamp < ?6)
  AND (?7 IS NULL OR stored_at >= ?7)
ORDER BY seq
LIMIT ?8
