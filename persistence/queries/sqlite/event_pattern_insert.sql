-- Creates rule ?1 (name ?2, kind ?3, rule ?4) at ?5; nothing when the id exists.
INSERT INTO event_patterns (id, name, kind, rule, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?5)
ON CONFLICT (id) DO NOTHING
