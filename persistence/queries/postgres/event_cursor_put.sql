-- Moves consumer $1's cursor to $2, never backwards.
INSERT INTO event_cursors AS c (name, seq) VALUES ($1::text, $2::bigint)
ON CONFLICT (name) DO UPDATE SET seq = GREATEST(c.seq, excluded.seq)
