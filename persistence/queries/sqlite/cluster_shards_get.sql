SELECT shards FROM cluster_meta WHERE id = 1
