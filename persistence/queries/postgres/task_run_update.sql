-- Replaces the mutable fields of run $1 (see auraos_update_task_run); not found (AUR01) when
-- it does not exist.
SELECT auraos_update_task_run($1::uuid, $2::text, $3::jsonb, $4::jsonb, $5::bigint, $6::bigint,
                              $7::bigint, $8::bigint, $9::bigint, $10::jsonb, $11::text,
                              $12::text, $13::bigint, $14::jsonb, $15::bigint)
