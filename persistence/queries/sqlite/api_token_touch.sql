-- Records that API token ?1 was used at ?2.
UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1
