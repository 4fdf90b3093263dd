-- $1 the requested shard count or NULL: the stored count (conflict AUR02 when they differ).
SELECT auraos_ensure_shards($1::bigint)
