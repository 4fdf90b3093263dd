-- Up to $2 stored sealed values whose key is not $1 (their text does not start with
-- 'v1:<$1>:'): executions first, then tasks. A full scan: run only when keys rotate.
(SELECT 'execution', id::text, secrets FROM workflow_executions
 WHERE secrets IS NOT NULL AND left(secrets, length($1::text) + 4) <> 'v1:' || $1::text || ':')
UNION ALL
(SELECT 'task', id, secrets FROM tasks
 WHERE secrets IS NOT NULL AND left(secrets, length($1::text) + 4) <> 'v1:' || $1::text || ':')
LIMIT $2::bigint
