-- Stores the retention rule of type ?1 (max age ?2 s, max count ?3, either NULL) at ?4 ms.
INSERT INTO event_retention (type, max_age_seconds, max_count, updated_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (type) DO UPDATE SET max_age_seconds = excluded.max_age_seconds,
  max_count = excluded.max_count, updated_at = excluded.updated_at
