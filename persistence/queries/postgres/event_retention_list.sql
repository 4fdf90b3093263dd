-- Every retention rule, by type.
SELECT type, max_age_seconds, max_count, auraos_ms(updated_at) FROM event_retention
ORDER BY type
