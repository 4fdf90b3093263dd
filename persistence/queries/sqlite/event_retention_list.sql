-- Every retention rule, by type.
SELECT type, max_age_seconds, max_count, updated_at FROM event_retention ORDER BY type
