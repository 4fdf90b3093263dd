INSERT INTO workflows (id, name, description, version, revision, definition, tags,
                       created_at, updated_at, deleted_at, status, metadata)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, ?11)
ON CONFLICT (id) DO UPDATE SET
  name = excluded.name, description = excluded.description, version = excluded.version,
  revision = excluded.revision, definition = excluded.definition, tags = excluded.tags,
  updated_at = excluded.updated_at, deleted_at = NULL, status = excluded.status,
  metadata = excluded.metadata
