-- The latest revision, first creation time, status and liveness of a workflow, deleted or not.
SELECT revision, created_at, status, deleted_at IS NOT NULL FROM workflows WHERE id = ?1
