-- Deletes the audit entries older than ?1.
DELETE FROM audit_log WHERE at < ?1
