-- $1 shard, $2 node name, $3 epoch
SELECT auraos_release_shard($1::bigint, $2, $3::bigint)
