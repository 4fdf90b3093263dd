-- $1 shard, $2 owner, $3 now (ms): a single node's lease (no expiry), epoch bumped.
SELECT * FROM auraos_take_shard($1::bigint, $2, $3::bigint)
