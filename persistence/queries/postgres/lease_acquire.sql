INSERT INTO shard_leases AS l (shard, owner, epoch, acquired_at)
VALUES ($1::bigint, $2, 1, auraos_ts($3::bigint))
ON CONFLICT (shard) DO UPDATE SET
  owner = excluded.owner, epoch = l.epoch + 1, acquired_at = excluded.acquired_at
RETURNING shard, owner, epoch
