-- The highest stored seq, 0 when there is none (the end of idx_events_seq).
SELECT coalesce(max(seq), 0) FROM events
