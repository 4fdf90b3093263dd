-- Applies the run updates and log lines of many requests in one call (see
-- auraos_apply_task_runs); one row per request left out: (request, the missing run it named).
SELECT * FROM auraos_apply_task_runs($1::bigint[], $2::uuid[], $3::text[], $4::text[],
  $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[],
  $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[], $16::bigint[],
  $17::bigint[], $18::uuid[], $19::bigint[], $20::text[], $21::text[])
