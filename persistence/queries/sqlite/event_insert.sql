-- ?1 id, ?2 type, ?3 source, ?4 data, ?5 metadata, ?6 timestamp (ms), ?7 correlation id or NULL,
-- ?8 causation id or NULL, ?9 seq, ?10 stored_at (ms). An id stored already changes nothing.
INSERT INTO events (id, type, source, data, metadata, timestamp, correlation_id, causation_id,
                    seq, stored_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (id) DO NOTHING
