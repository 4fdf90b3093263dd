-- Users in creation order: ?3/?4 keyset (created_at, id) or NULL, ?5 limit.
SELECT id, username, password_hash, role, disabled, created_at, updated_at
FROM users
WHERE (?3 IS NULL OR (created_at, id) > (?3, ?4))
ORDER BY created_at, id
LIMIT ?5
