-- $1 shard, $2 node name, $3 incarnation, $4 lease ms: the new lease, or no row
SELECT * FROM auraos_acquire_shard($1::bigint, $2, $3::bigint, $4::bigint)
