-- A single node's lease (incarnation 0, no expiry), epoch bumped.
INSERT INTO shard_leases (shard, owner, epoch, acquired_at, incarnation, expires_at)
VALUES (?1, ?2, 1, ?3, 0, NULL)
ON CONFLICT (shard) DO UPDATE SET
  owner = excluded.owner, epoch = shard_leases.epoch + 1, acquired_at = excluded.acquired_at,
  incarnation = 0, expires_at = NULL
RETURNING shard, owner, epoch
