// REST routes of the pool's queues and of external workers (docs/tasks.md, "External
// workers"): queue figures, long-poll claims, heartbeat, complete, fail.

#include <nlohmann/json.hpp>

#include "actors/tasks/tasks_service.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/resource_json.hpp"
#include "gateway/task_body.hpp"
#include "gateway/task_json.hpp"

namespace auraos::gateway {

caf::actor tasks_service(const std::shared_ptr<node_context>& node);

namespace {

namespace at = actors::tasks;
using ctx = std::shared_ptr<node_context>;

/// How long past its wait a claim may take before the gateway gives up on it.
constexpr std::chrono::seconds claim_slack{10};

void claim(const ctx& node, const http_request& request, const std::string& queue,
           responder respond) {
  auto body = claim_request_from(request, queue);
  if (!body) return void(respond(error_response(body.error())));
  auto service = tasks_service(node);
  auto timeout = std::chrono::milliseconds(body->wait_ms) + claim_slack;
  detail::spawn_asker(node->system(), [=, message = std::move(*body)](caf::event_based_actor* self) {
    if (!service) return respond(detail::unavailable_response("the tasks service is not running"));
    self->request(service, timeout, message)
        .then(
            [respond](at::claim_reply& reply) {
              if (!reply) return respond(error_response(execution_api_error(reply.error())));
              auto items = nlohmann::json::array();
              for (const auto& item : *reply)
                items.push_back({{"runId", item.run_id},
                                 {"taskId", item.task_id},
                                 {"input", nlohmann::json::parse(item.input, nullptr, false)},
                                 {"attempt", item.attempt},
                                 {"leaseId", item.lease_id},
                                 {"leaseExpiresAt", rfc3339_utc(item.lease_expires_at)}});
              respond(json_response(200, {{"items", items}}));
            },
            [self, respond](caf::error& error) {
              respond(detail::unavailable_response("no answer from the tasks service: " +
                                                   self->system().render(error)));
            });
  });
}

void lease(const ctx& node, const http_request& request, const std::string& id,
           at::lease_verb verb, responder respond) {
  auto body = lease_call_from(request, id, verb);
  if (!body) return void(respond(error_response(body.error())));
  detail::ask<at::run_reply>(
      node->system(), tasks_service(node), std::move(respond),
      [verb](at::run_reply& reply) {
        if (!reply) return error_response(execution_api_error(reply.error()));
        return json_response(verb == at::lease_verb::heartbeat ? 200 : 202, task_run_json(*reply));
      },
      std::move(*body));
}

}  // namespace

void add_task_worker_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/task-queues", [node](const auto&, const auto&, responder r) {
    detail::ask<at::pool_figures>(
        node->system(), tasks_service(node), std::move(r),
        [](at::pool_figures& figures) { return json_response(200, pool_json(figures)); },
        at::pool_figures_atom::value);
  });
  routes.add("POST", "/api/v1/task-queues/{queue}/claim",
             [node](const auto& request, const auto& params, responder r) {
               claim(node, request, params.at("queue"), std::move(r));
             });
  auto add_lease = [&](const char* path, at::lease_verb verb) {
    routes.add("POST", path, [node, verb](const auto& request, const auto& params, responder r) {
      lease(node, request, params.at("id"), verb, std::move(r));
    });
  };
  add_lease("/api/v1/task-executions/{id}/heartbeat", at::lease_verb::heartbeat);
  add_lease("/api/v1/task-executions/{id}/complete", at::lease_verb::complete);
  add_lease("/api/v1/task-executions/{id}/fail", at::lease_verb::fail);
}

}  // namespace auraos::gateway
