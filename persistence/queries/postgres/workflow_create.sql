-- As workflow_put.sql, but conflict (AUR02) when a live workflow has the id.
SELECT new_revision, first_created, new_status
FROM auraos_create_workflow($1, $2, $3, $4, $5::jsonb,
                            ARRAY(SELECT jsonb_array_elements_text($6::jsonb)), $7::bigint, $8,
                            $9::jsonb)
