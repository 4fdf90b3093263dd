-- $1 id, $2 status; the workflow's columns as in workflow_get_latest.sql
SELECT * FROM auraos_set_workflow_status($1, $2)
