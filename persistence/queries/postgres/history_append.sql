-- $1 execution, $2 expected next seq, $3/$4 shard and epoch of the writer's lease or NULL,
-- $5..$9 the events' times (ms), kinds, node ids, attempts and payloads as arrays
SELECT auraos_append_history($1::uuid, $2::bigint, $3::bigint, $4::bigint, $5::bigint[],
                             $6::text[], $7::text[], $8::bigint[], $9::bytea[])
