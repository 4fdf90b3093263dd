-- Users in creation order: $1/$2 keyset (created_at ms, id) or NULL, $3 limit.
SELECT id::text, username, password_hash, role, disabled, auraos_ms(created_at),
       auraos_ms(updated_at)
FROM users
WHERE ($1::bigint IS NULL OR (created_at, id) > (auraos_ts($1::bigint), $2::uuid))
ORDER BY created_at, id
LIMIT $3::bigint
