-- Tasks in creation order: ?1 type or NULL, ?2 tag or NULL, ?3/?4 keyset (created_at, id) or
-- NULL, ?5 limit.
SELECT t.id, t.name, t.description, t.type, t.queue, t.priority, t.definition, t.tags,
       t.created_at, t.updated_at, t.secrets
FROM tasks t
WHERE (?1 IS NULL OR t.type = ?1)
  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(t.tags) g WHERE g.value = ?2))
  AND (?3 IS NULL OR (t.created_at, t.id) > (?3, ?4))
ORDER BY t.created_at, t.id
LIMIT ?5
