-- Creates runs from 25 arrays (the columns of task_run_get.sql, one element per run) in one
-- statement; every run comes back as stored with `existing`, in the given order.
SELECT * FROM auraos_create_task_runs($1::uuid[], $2::text[], $3::text[], $4::text[],
  $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::text[], $10::bigint[], $11::bigint[],
  $12::bigint[], $13::bigint[], $14::bigint[], $15::text[], $16::text[], $17::text[],
  $18::bigint[], $19::text[], $20::text[], $21::text[], $22::uuid[], $23::uuid[], $24::text[],
  $25::bigint[])
