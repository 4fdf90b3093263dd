-- Fixes the shard count unless one is stored.
INSERT INTO cluster_meta (id, shards) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING
