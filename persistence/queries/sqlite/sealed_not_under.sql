-- Up to ?2 stored sealed values whose key is not ?1 (their text does not start with
-- 'v1:<?1>:'): executions first, then tasks. A full scan: run only when keys rotate.
SELECT 'execution', id, secrets FROM workflow_executions
WHERE secrets IS NOT NULL AND substr(secrets, 1, length(?1) + 4) <> 'v1:' || ?1 || ':'
UNION ALL
SELECT 'task', id, secrets FROM tasks
WHERE secrets IS NOT NULL AND substr(secrets, 1, length(?1) + 4) <> 'v1:' || ?1 || ':'
LIMIT ?2
