-- Creates task ?1 (name ?2, description ?3, type ?4, queue ?5, priority ?6, definition ?7,
-- tags ?8 as a JSON array) at ?9; nothing when the id exists. config and metadata are the
-- definition's members (a definition that is no JSON leaves config NULL: rejected).
INSERT INTO tasks (id, name, description, type, queue, priority, definition, config, metadata,
                   tags, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
        CASE WHEN json_valid(?7) THEN coalesce(?7 -> '$.config', '{}') END,
        CASE WHEN json_valid(?7) THEN ?7 -> '$.metadata' END, ?8, ?9, ?9)
ON CONFLICT (id) DO NOTHING
