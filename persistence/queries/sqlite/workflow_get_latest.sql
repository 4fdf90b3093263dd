SELECT id, name, description, version, revision, definition, tags, created_at, updated_at,
       status, metadata
FROM workflows WHERE id = ?1 AND deleted_at IS NULL
