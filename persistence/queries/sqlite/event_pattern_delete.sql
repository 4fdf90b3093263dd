-- Deletes rule ?1 and (ON DELETE CASCADE) its matcher state.
DELETE FROM event_patterns WHERE id = ?1
