-- The lease a fence is checked against: shard, owner, epoch, expires_at (ms, NULL: never).
SELECT shard, owner, epoch, expires_at FROM shard_leases WHERE shard = ?1
