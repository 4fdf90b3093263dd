INSERT INTO shard_leases (shard, owner, epoch, acquired_at) VALUES (?1, ?2, 1, ?3)
ON CONFLICT (shard) DO UPDATE SET
  owner = excluded.owner, epoch = shard_leases.epoch + 1, acquired_at = excluded.acquired_at
RETURNING shard, owner, epoch
