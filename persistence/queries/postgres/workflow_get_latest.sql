SELECT id, name, description, version, revision, definition::text, array_to_json(tags)::text,
       auraos_ms(created_at), auraos_ms(updated_at), status, metadata::text
FROM workflows WHERE id = $1 AND deleted_at IS NULL
