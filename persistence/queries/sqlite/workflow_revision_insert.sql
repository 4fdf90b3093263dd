INSERT INTO workflow_revisions (workflow_id, revision, name, description, version, definition,
                                tags, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
