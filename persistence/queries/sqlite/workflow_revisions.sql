-- ?1 workflow id, ?2 the revision after which the page starts (0: the first), ?3 limit
SELECT r.workflow_id, r.name, r.description, r.version, r.revision, r.definition, r.tags,
       r.created_at, r.updated_at, w.status, r.metadata
FROM workflow_revisions r JOIN workflows w ON w.id = r.workflow_id
WHERE r.workflow_id = ?1 AND r.revision > ?2
ORDER BY r.revision
LIMIT ?3
