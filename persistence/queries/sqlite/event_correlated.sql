-- The events of ?1 correlation id in time order, at most ?2: idx_events_correlation_id, then a
-- sort of that correlation's events.
SELECT id, type, source, data, metadata, timestamp, correlation_id, causation_id, seq, stored_at
FROM events WHERE correlation_id = ?1
ORDER BY timestamp, seq
LIMIT ?2
