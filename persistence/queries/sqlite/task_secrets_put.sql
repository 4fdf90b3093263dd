-- Task ?1's sealed secret config values become ?2 (NULL: none), after its insert or update.
UPDATE tasks SET secrets = ?2 WHERE id = ?1
