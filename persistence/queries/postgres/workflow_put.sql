-- $1 id, $2 name, $3 description, $4 version, $5 definition JSON, $6 tags JSON array, $7 now,
-- $8 status or NULL (keep / draft), $9 metadata JSON or NULL
SELECT new_revision, first_created, new_status
FROM auraos_put_workflow($1, $2, $3, $4, $5::jsonb,
                         ARRAY(SELECT jsonb_array_elements_text($6::jsonb)), $7::bigint, $8,
                         $9::jsonb)
