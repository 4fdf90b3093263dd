-- $1 node name, $2 incarnation, $3 lease ms: the renewed leases, as cluster_leases.sql
SELECT * FROM auraos_heartbeat($1, $2::bigint, $3::bigint)
