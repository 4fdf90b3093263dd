// Audit entries of calls, sent to the store actor.

#include "gateway/auth/audit_trail.hpp"

#include <caf/event_based_actor.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "gateway/detail/ask.hpp"

namespace auraos::gateway::auth {

persistence::audit_record audit_entry(const http_request& request, const std::string& operation,
                                      const std::string& target, int status) {
  persistence::audit_record entry;
  entry.actor = request.caller.authenticated ? request.caller.user_id : "anonymous";
  entry.actor_name = request.caller.user_name;
  if (!request.caller.token_id.empty()) entry.token_id = request.caller.token_id;
  entry.action = operation.empty() ? request.method + " " + request.path : operation;
  if (!target.empty()) entry.target = target;
  entry.source = request.peer.empty() ? "unknown" : request.peer;
  entry.status = status;
  entry.outcome = status < 400                                          ? "allowed"
                  : (status == 401 || status == 403 || status == 429) ? "refused"
                                                                        : "failed";
  nlohmann::json details = {{"method", request.method}, {"path", request.path}};
  entry.details = details.dump();
  return entry;
}

std::string audit_target(const std::map<std::string, std::string>& path_params,
                         const std::string& response_body) {
  if (!path_params.empty()) return path_params.begin()->second;
  if (response_body.empty() || response_body.front() != '{') return {};
  auto body = nlohmann::json::parse(response_body, nullptr, false);
  if (body.is_object() && body.contains("id") && body["id"].is_string())
    return body["id"].get<std::string>();
  return {};
}

void record_audit(const std::shared_ptr<node_context>& node, persistence::audit_record entry) {
  auto store = node->store();
  if (!store) {
    spdlog::warn("audit: the store is not running; an entry of {} is lost", entry.action);
    return;
  }
  detail::spawn_asker(node->system(), [store, entry = std::move(entry)](
                                          caf::event_based_actor* self) mutable {
    auto action = entry.action;
    persistence::write_request request{{persistence::append_audit_op{{std::move(entry)}}}, true};
    self->request(store, detail::ask_timeout, std::move(request))
        .then(
            [action](persistence::write_outcome& outcome) {
              if (!outcome)
                spdlog::warn("audit: an entry of {} was not stored: {}", action,
                             outcome.error().message);
            },
            [action](caf::error&) { spdlog::warn("audit: an entry of {} was not stored", action); });
  });
}

}  // namespace auraos::gateway::auth
