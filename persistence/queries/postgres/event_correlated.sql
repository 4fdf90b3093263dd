-- The events of $1 correlation id in time order, at most $2: idx_events_correlation_id, then a
-- sort of that correlation's events.
SELECT id, type, source, data::text, metadata::text, auraos_ms("timestamp"), correlation_id,
       causation_id, seq, auraos_ms(stored_at)
FROM events WHERE correlation_id = $1::text
ORDER BY "timestamp", seq
LIMIT $2::bigint
