-- Replaces task $1 (parameters as task_insert.sql) at $9; not found (AUR01) when it does not
-- exist.
SELECT * FROM auraos_update_task($1::text, $2::text, $3::text, $4::text, $5::text, $6::bigint,
                                 $7::jsonb, ARRAY(SELECT jsonb_array_elements_text($8::jsonb)),
                                 $9::bigint)
