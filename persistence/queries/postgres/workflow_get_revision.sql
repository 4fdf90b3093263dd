SELECT workflow_id, name, description, version, revision, definition::text,
       array_to_json(tags)::text, auraos_ms(created_at), auraos_ms(updated_at)
FROM workflow_revisions WHERE workflow_id = $1 AND revision = $2::bigint
