-- Moves consumer ?1's cursor to ?2, never backwards.
INSERT INTO event_cursors (name, seq) VALUES (?1, ?2)
ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq)
