// REST routes of a task's schedule (docs/schedules.md): PUT, GET, DELETE
// /api/v1/tasks/{id}/schedule, answered by the task scheduler.

#include <caf/actor_cast.hpp>
#include <caf/actor_registry.hpp>
#include <nlohmann/json.hpp>

#include "actors/tasks/scheduler.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/owner_routing.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/json_body.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/schedule/schedule_spec.hpp"

namespace auraos::gateway {
namespace {

namespace at = actors::tasks;
using ctx = std::shared_ptr<node_context>;

caf::actor scheduler(const ctx& node) {
  return caf::actor_cast<caf::actor>(
      node->system().registry().get(at::scheduler_registry_name));
}

/// The schedule as answered: its spec, the task, next fire times and what it handled.
nlohmann::json schedule_json(const at::schedule_info& info) {
  auto out = nlohmann::json::parse(info.record.spec, nullptr, false);
  if (!out.is_object()) out = nlohmann::json::object();
  auto state = nlohmann::json::parse(info.record.state, nullptr, false);
  if (!state.is_object()) state = nlohmann::json::object();
  out["taskId"] = info.record.task_id;
  auto next = nlohmann::json::array();
  for (auto at : info.next_fire_times) next.push_back(rfc3339_utc(at));
  out["nextFireTimes"] = next;
  out["lastFireTime"] = state.contains("lastFire") && state["lastFire"].is_number_integer()
                            ? nlohmann::json(rfc3339_utc(state["lastFire"].get<std::int64_t>()))
                            : nlohmann::json();
  out["currentRunId"] = state.value("currentRun", nlohmann::json());
  auto skipped = nlohmann::json::array();
  if (state.contains("skipped") && state["skipped"].is_array())
    for (const auto& skip : state["skipped"])
      if (skip.is_object() && skip.contains("at") && skip["at"].is_number_integer())
        skipped.push_back({{"fireTime", rfc3339_utc(skip["at"].get<std::int64_t>())},
                           {"reason", skip.value("reason", "")}});
  out["skipped"] = {{"count", state.value("skippedCount", 0)}, {"recent", skipped}};
  out["createdAt"] = rfc3339_utc(info.record.created_at);
  out["updatedAt"] = rfc3339_utc(info.record.updated_at);
  return out;
}

auto schedule_answer(int status) {
  return [status](at::schedule_reply& reply) {
    if (!reply) return error_response(execution_api_error(reply.error()));
    if (status == 204) {
      http_response response;
      response.status = 204;
      return response;
    }
    return json_response(status, schedule_json(*reply));
  };
}

api_error invalid_schedule(const std::vector<runtime::schedule::schedule_error>& errors) {
  nlohmann::json details = nlohmann::json::array();
  for (const auto& error : errors) details.push_back(error.to_string());
  auto api = make_error(errc::invalid_input, "the schedule has " + std::to_string(errors.size()) +
                                                 " error(s): " + errors.front().to_string() +
                                                 (errors.size() > 1 ? " (see details)" : ""));
  api.details = std::make_shared<const nlohmann::json>(std::move(details));
  return api;
}

void put(const ctx& node, const http_request& request, const std::string& id, responder respond) {
  auto body = parse_json_body(request.body);
  if (!body) return void(respond(error_response(body.error())));
  auto parsed = runtime::schedule::parse_schedule(*body);
  if (!parsed) return void(respond(error_response(invalid_schedule(parsed.error()))));
  detail::ask<at::schedule_reply>(node->system(), scheduler(node), std::move(respond),
                                  schedule_answer(200),
                                  at::schedule_put{id, runtime::dump_json(*body)});
}

}  // namespace

void add_task_schedule_routes(router& routes, std::shared_ptr<node_context> node) {
  // In a cluster the pool and the scheduler run on the coordinator (the holder of shard 0).
  auto add = [&](const char* method, const char* path, route_handler handler) {
    routes.add(method, path, coordinator_route(node, std::move(handler)));
  };
  add("PUT", "/api/v1/tasks/{id}/schedule",
             [node](const auto& request, const auto& params, responder r) {
               put(node, request, params.at("id"), std::move(r));
             });
  add("GET", "/api/v1/tasks/{id}/schedule",
             [node](const auto&, const auto& params, responder r) {
               detail::ask<at::schedule_reply>(node->system(), scheduler(node), std::move(r),
                                               schedule_answer(200),
                                               at::schedule_call{params.at("id"), false});
             });
  add("DELETE", "/api/v1/tasks/{id}/schedule",
             [node](const auto&, const auto& params, responder r) {
               detail::ask<at::schedule_reply>(node->system(), scheduler(node), std::move(r),
                                               schedule_answer(204),
                                               at::schedule_call{params.at("id"), true});
             });
}

}  // namespace auraos::gateway
