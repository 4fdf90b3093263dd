-- Stores rule $1's matcher state $2 at $3, only while the rule exists.
INSERT INTO event_pattern_states (pattern_id, state, updated_at)
SELECT $1::text, $2::jsonb, auraos_ts($3::bigint)
WHERE EXISTS (SELECT 1 FROM event_patterns WHERE id = $1::text)
ON CONFLICT (pattern_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
