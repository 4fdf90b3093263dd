-- The latest revision and first creation time of a workflow, deleted or not.
SELECT revision, created_at FROM workflows WHERE id = ?1
