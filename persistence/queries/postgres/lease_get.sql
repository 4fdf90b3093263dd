SELECT shard, owner, epoch FROM shard_leases WHERE shard = $1::bigint
