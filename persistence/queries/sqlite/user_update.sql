-- Changes the given (non-NULL) role ?2, password hash ?3 and disabled ?4 of user ?1 at ?5; no
-- row when it does not exist. Columns as in user_get.sql.
UPDATE users SET role = coalesce(?2, role), password_hash = coalesce(?3, password_hash),
                 disabled = coalesce(?4, disabled), updated_at = ?5
WHERE id = ?1
RETURNING id, username, password_hash, role, disabled, created_at, updated_at
