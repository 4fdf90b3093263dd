-- Deletes user ?1 and (ON DELETE CASCADE) its API and refresh tokens.
DELETE FROM users WHERE id = ?1
