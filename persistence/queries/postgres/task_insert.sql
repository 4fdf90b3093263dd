-- Creates task $1 (name $2, description $3, type $4, queue $5, priority $6, definition $7,
-- tags $8 as a JSON array) at $9; an existing id is a conflict (23505). config and metadata
-- are the definition's members.
INSERT INTO tasks (id, name, description, type, queue, priority, definition, config, metadata,
                   tags, created_at, updated_at)
VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::bigint, $7::jsonb,
        coalesce($7::jsonb -> 'config', '{}'), $7::jsonb -> 'metadata',
        ARRAY(SELECT jsonb_array_elements_text($8::jsonb)), auraos_ts($9::bigint),
        auraos_ts($9::bigint))
RETURNING id, name, coalesce(description, ''), type, queue, priority::bigint, definition::text,
       array_to_json(tags)::text, auraos_ms(created_at), auraos_ms(updated_at)
