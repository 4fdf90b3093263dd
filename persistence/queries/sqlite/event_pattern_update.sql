-- Replaces rule ?1 (name ?2, kind ?3, rule ?4) at ?5; nothing when it does not exist.
UPDATE event_patterns SET name = ?2, kind = ?3, rule = ?4, updated_at = ?5 WHERE id = ?1
