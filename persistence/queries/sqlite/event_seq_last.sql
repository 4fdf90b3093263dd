-- The last seq assigned (0005_events: the counter, never lowered by deletes).
SELECT last_seq FROM event_seq WHERE id = 1
