-- Appends one audit entry: at ?1, actor ?2, actor name ?3, token ?4, action ?5, target ?6,
-- source ?7, outcome ?8, status ?9, details ?10 (JSON text or NULL).
INSERT INTO audit_log (at, actor, actor_name, token_id, action, target, source, outcome, status,
                       details)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
