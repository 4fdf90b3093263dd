-- Columns as in execution_get.sql, then `existing`. $13 the execution's shard, $14 created_by
-- (the starting user's id), $15 secrets (the sealed secret inputs).
SELECT * FROM auraos_create_execution($1::uuid, $2, $3::bigint, $4, $5::jsonb, $6::jsonb,
                                      $7::jsonb, $8::bigint, $9::bigint, $10::bigint, $11,
                                      $12::jsonb, $13::bigint, $14::text, $15::text)
