INSERT OR IGNORE INTO workflow_tags (workflow_id, tag) VALUES (?1, ?2)
