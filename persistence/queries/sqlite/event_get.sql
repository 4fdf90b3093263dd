-- One event by ?1 id; the columns every event read returns (sqlite/rows.cpp read_event).
SELECT id, type, source, data, metadata, timestamp, correlation_id, causation_id, seq, stored_at
FROM events WHERE id = ?1
