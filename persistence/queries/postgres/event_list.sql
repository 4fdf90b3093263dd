-- Events in storing order: $1 type, $2 source, $3 correlation id, $5/$6 timestamp from
-- (inclusive) and to (exclusive) in ms, $7 stored_at from (ms), each or NULL; $4 seq after
-- which the page starts, $8 limit. A template: the store prepares one statement per index
-- (query_templates.cpp), the events_by mark becoming the equality that a range scan serves.
-- EXPLAIN of each (110,000 events of 1,000 types, 500 sources, 2,000 correlations; ANALYZEd;
-- custom and generic plans):
--   event_list                 Index Scan using idx_events_seq (seq > $4); for a narrow time
--                              range an Index Scan of idx_events_timestamp then a Sort
--   event_list_by_type         Index Scan using idx_events_type (type = $1 AND seq > $4), or
--                              a Bitmap Index Scan of it then a Sort when few rows match
--   event_list_by_source       the same on idx_events_source (source = $2 AND seq > $4)
--   event_list_by_correlation  the same on idx_events_correlation_id
-- under a Limit: never a Seq Scan. The store picks correlation, then type, then source; the
-- other filters are checked on the rows scanned. Several types: one query per type.
SELECT id, type, source, data::text, metadata::text, auraos_ms("timestamp"), correlation_id,
       causation_id, seq, auraos_ms(stored_at)
FROM events
WHERE /*events_by*/ seq > $4::bigint
  AND ($1::text IS NULL OR type = $1::text)
  AND ($2::text IS NULL OR source = $2::text)
  AND ($3::text IS NULL OR correlation_id = $3::text)
  AND ($5::bigint IS NULL OR "timestamp" >= auraos_ts($5::bigint))
  AND ($6::bigint IS NULL OR "timestamp" < auraos_ts($6::bigint))
  AND ($7::bigint IS NULL OR stored_at >= auraos_ts($7::bigint))
ORDER BY seq
LIMIT $8::bigint
