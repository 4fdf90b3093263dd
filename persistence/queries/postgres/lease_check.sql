-- $1 shard, $2 the writer's epoch: fenced (AUR03) unless the lease holds that epoch.
SELECT auraos_check_fence($1::bigint, $2::bigint)
