-- One event by $1 id; the columns every event read returns (postgres/rows.cpp read_event).
SELECT id, type, source, data::text, metadata::text, auraos_ms("timestamp"), correlation_id,
       causation_id, seq, auraos_ms(stored_at)
FROM events WHERE id = $1::text
