-- Creates or replaces custom role $1 (permissions $2, a text[] literal) at $3; a replaced role
-- keeps created_at. Columns as in role_get.sql.
INSERT INTO roles (name, permissions, created_at, updated_at)
VALUES ($1::text, $2::text[], auraos_ts($3::bigint), auraos_ts($3::bigint))
ON CONFLICT (name) DO UPDATE SET permissions = excluded.permissions,
                                 updated_at = excluded.updated_at
RETURNING name, array_to_json(permissions)::text, auraos_ms(created_at), auraos_ms(updated_at)
