-- Removes the retention rule of type ?1 (changes() says whether there was one).
DELETE FROM event_retention WHERE type = ?1
