-- $1 name or NULL, $2 tag or NULL, $3/$4 keyset (created_at ms, id) or NULL, $5 limit,
-- $6 status or NULL, $7 text the name contains (case ignored) or NULL
SELECT w.id, w.name, w.description, w.version, w.revision, w.definition::text,
       array_to_json(w.tags)::text, auraos_ms(w.created_at), auraos_ms(w.updated_at), w.status,
       w.metadata::text
FROM workflows w
WHERE w.deleted_at IS NULL
  AND ($1::text IS NULL OR w.name = $1::text)
  AND ($2::text IS NULL OR w.tags @> ARRAY[$2::text])
  AND ($3::bigint IS NULL OR (w.created_at, w.id) > (auraos_ts($3::bigint), $4::text))
  AND ($6::text IS NULL OR w.status = $6::text)
  AND ($7::text IS NULL OR strpos(lower(w.name), lower($7::text)) > 0)
ORDER BY w.created_at, w.id
LIMIT $5::bigint
