#pragma once
// Records audit entries (the seed's AuditService.logAction): who called which operation on
// which target, from where, and how it ended. Entries go to the store actor, which commits them
// with the other writes of its next batch; recording never delays the answer.

#include <memory>
#include <string>

#include "gateway/http_message.hpp"
#include "gateway/node_context.hpp"
#include "persistence/security_audit_record.hpp"

namespace auraos::gateway::auth {

/// The audit entry of `request` to `operation` (or the route when it has no operationId),
/// answered with `status`: outcome "allowed" (2xx/3xx), "refused" (401, 403, 429) or "failed".
persistence::audit_record audit_entry(const http_request& request, const std::string& operation,
                                      const std::string& target, int status);

/// The target of a call: its first path parameter, else the `id` of a JSON answer's body.
std::string audit_target(const std::map<std::string, std::string>& path_params,
                         const std::string& response_body);

/// Appends `entry` to the node's audit log (dropped with a warning when the store refuses).
void record_audit(const std::shared_ptr<node_context>& node, persistence::audit_record entry);

}  // namespace auraos::gateway::auth
