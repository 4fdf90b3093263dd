SELECT auraos_delete_workflow($1, $2::bigint)
