-- $1 node name, $2 cluster address, $3 HTTP address, $4 requested shard count or NULL
SELECT * FROM auraos_join_cluster($1, $2, $3, $4::bigint)
