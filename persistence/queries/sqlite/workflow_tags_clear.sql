DELETE FROM workflow_tags WHERE workflow_id = ?1
