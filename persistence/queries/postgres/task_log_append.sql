-- Appends log lines to run $1 ($2 times, $3 streams, $4 texts), numbered on from its last.
SELECT auraos_append_task_log($1::uuid, $2::bigint[], $3::text[], $4::text[])
