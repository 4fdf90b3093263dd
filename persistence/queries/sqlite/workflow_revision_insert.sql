-- Parameters as in workflow_upsert.sql: ?1 id, ?2 name, ?3 description, ?4 version,
-- ?5 revision, ?6 definition, ?7 tags, ?8 created_at, ?9 updated_at, ?10 status, ?11 metadata
INSERT INTO workflow_revisions (workflow_id, revision, name, description, version, definition,
                                tags, created_at, updated_at, metadata)
VALUES (?1, ?5, ?2, ?3, ?4, ?6, ?7, ?8, ?9, ?11)
