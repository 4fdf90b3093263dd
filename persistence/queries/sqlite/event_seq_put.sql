-- ?1 the last seq assigned.
UPDATE event_seq SET last_seq = ?1 WHERE id = 1
