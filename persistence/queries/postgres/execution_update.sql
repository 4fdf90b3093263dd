SELECT auraos_update_execution($1::uuid, $2, $3::jsonb, $4::jsonb, $5::bigint, $6::bigint,
                               $7::jsonb)
