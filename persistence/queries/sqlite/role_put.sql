-- Creates or replaces custom role ?1 (permissions ?2, a JSON array) at ?3; a replaced role
-- keeps created_at. Columns as in role_get.sql.
INSERT INTO roles (name, permissions, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
ON CONFLICT (name) DO UPDATE SET permissions = excluded.permissions,
                                 updated_at = excluded.updated_at
RETURNING name, permissions, created_at, updated_at
