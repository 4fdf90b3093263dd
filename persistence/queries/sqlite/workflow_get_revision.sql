SELECT workflow_id, name, description, version, revision, definition, tags, created_at, updated_at
FROM workflow_revisions WHERE workflow_id = ?1 AND revision = ?2
