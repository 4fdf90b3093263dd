-- $1 workflow id, $2 the revision after which the page starts (0: the first), $3 limit
SELECT r.workflow_id, r.name, r.description, r.version, r.revision, r.definition::text,
       array_to_json(r.tags)::text, auraos_ms(r.created_at), auraos_ms(r.updated_at), w.status,
       r.metadata::text
FROM workflow_revisions r JOIN workflows w ON w.id = r.workflow_id
WHERE r.workflow_id = $1 AND r.revision > $2::bigint
ORDER BY r.revision
LIMIT $3::bigint
