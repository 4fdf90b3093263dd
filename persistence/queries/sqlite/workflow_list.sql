-- ?1 name or NULL, ?2 tag or NULL, ?3/?4 keyset (created_at, id) or NULL, ?5 limit,
-- ?6 status or NULL, ?7 text the name contains (ASCII case ignored) or NULL
SELECT w.id, w.name, w.description, w.version, w.revision, w.definition, w.tags,
       w.created_at, w.updated_at, w.status, w.metadata
FROM workflows w
WHERE w.deleted_at IS NULL
  AND (?1 IS NULL OR w.name = ?1)
  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM workflow_tags t WHERE t.tag = ?2 AND t.workflow_id = w.id))
  AND (?3 IS NULL OR (w.created_at, w.id) > (?3, ?4))
  AND (?6 IS NULL OR w.status = ?6)
  AND (?7 IS NULL OR instr(lower(w.name), lower(?7)) > 0)
ORDER BY w.created_at, w.id
LIMIT ?5
