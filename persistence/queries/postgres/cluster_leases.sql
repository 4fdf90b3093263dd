-- The leases by shard: shard, owner, incarnation, epoch, ms until they end (NULL: never),
-- when they end (ms since the epoch, NULL: never); by the database's clock.
SELECT shard, owner, incarnation, epoch, auraos_ms(expires_at) - auraos_ms(clock_timestamp()),
       auraos_ms(expires_at)
FROM shard_leases ORDER BY shard
