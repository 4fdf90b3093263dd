-- Every stored event type (distinct, from idx_events_type).
SELECT DISTINCT type FROM events ORDER BY type
