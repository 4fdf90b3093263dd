-- $1 execution, $2 expected next seq, $3/$4 shard and epoch of the writer's lease or NULL
SELECT auraos_check_append($1::uuid, $2::bigint, $3::bigint, $4::bigint)
