-- $1 node name, $2 incarnation
SELECT auraos_leave_cluster($1, $2::bigint)
