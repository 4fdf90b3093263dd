-- Every stored matcher state.
SELECT pattern_id, state::text, auraos_ms(updated_at) FROM event_pattern_states
ORDER BY pattern_id
