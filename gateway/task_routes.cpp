// REST routes of task definitions (docs/tasks.md, "REST"): create, list, read, replace,
// delete, start a run, metrics. Writes and starts ask the tasks service (the pool); reads go
// to the store.

#include <caf/actor_cast.hpp>
#include <caf/actor_registry.hpp>
#include <nlohmann/json.hpp>

#include "actors/tasks/tasks_service.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/owner_routing.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/pagination.hpp"
#include "gateway/task_body.hpp"
#include "gateway/task_json.hpp"
#include "gateway/task_reads.hpp"

namespace auraos::gateway {

caf::actor tasks_service(const std::shared_ptr<node_context>& node) {
  return caf::actor_cast<caf::actor>(
      node->system().registry().get(actors::tasks::tasks_registry_name));
}

namespace {

namespace at = actors::tasks;
namespace p = persistence;
using ctx = std::shared_ptr<node_context>;

const char* const task_types[] = {"shell", "http", "transform", "subworkflow", "external"};

/// The answer of a task write with `status`, or the refusal.
auto task_answer(int status) {
  return [status](at::task_reply& reply) {
    if (!reply) return error_response(execution_api_error(reply.error()));
    if (status == 204) {
      http_response response;
      response.status = 204;
      return response;
    }
    return json_response(status, task_json(*reply));
  };
}

void put(const ctx& node, const http_request& request, std::optional<std::string> id,
         responder respond) {
  auto body = task_put_from(request, id);
  if (!body) return void(respond(error_response(body.error())));
  detail::ask<at::task_reply>(node->system(), tasks_service(node), std::move(respond),
                              task_answer(id ? 200 : 201), std::move(*body));
}

void list(const ctx& node, const http_request& request, responder respond) {
  auto page = parse_page_request(request);
  if (!page) return void(respond(error_response(page.error())));
  p::task_filter filter;
  filter.type = request.query_param("type");
  filter.tag = request.query_param("tag");
  if (filter.type && std::none_of(std::begin(task_types), std::end(task_types),
                                  [&](const char* t) { return *filter.type == t; }))
    return void(respond(error_response(make_error(
        errc::invalid, "query parameter 'type' must be one of shell, http, transform, "
                       "subworkflow, external; got '" + filter.type->substr(0, 100) + "'"))));
  p::page_request query;
  query.limit = page->limit;
  if (!page->position.empty()) query.cursor = page->position;
  read_tasks<p::page<p::task_record>>(
      node, std::move(respond),
      [filter, query](p::task_store& db) { return db.list_tasks(filter, query); },
      [](p::page<p::task_record>& tasks) {
        auto items = nlohmann::json::array();
        for (const auto& task : tasks.items) items.push_back(task_json(task));
        return page_response(items, tasks.next_cursor);
      });
}

void start(const ctx& node, const http_request& request, const std::string& id,
           responder respond) {
  auto run = run_request_from(request, id);
  if (!run) return void(respond(error_response(run.error())));
  detail::ask<at::started_reply>(
      node->system(), tasks_service(node), std::move(respond),
      [](at::started_reply& reply) {
        if (!reply) return error_response(execution_api_error(reply.error()));
        return json_response(reply->existing.front() ? 200 : 202,
                             task_run_json(reply->runs.front()));
      },
      std::move(*run));
}

void metrics(const ctx& node, const std::string& id, responder respond) {
  read_tasks<p::task_run_figures>(
      node, std::move(respond),
      [id](p::task_store& db) -> p::store_result<p::task_run_figures> {
        auto task = db.get_task(id);
        if (!task) return fail(task.error());
        return db.task_figures(id);
      },
      [](p::task_run_figures& figures) { return json_response(200, task_metrics_json(figures)); });
}

}  // namespace

void add_task_routes(router& routes, std::shared_ptr<node_context> node) {
  // In a cluster the pool and the scheduler run on the coordinator (the holder of shard 0).
  auto add = [&](const char* method, const char* path, route_handler handler) {
    routes.add(method, path, coordinator_route(node, std::move(handler)));
  };
  add("POST", "/api/v1/tasks", [node](const auto& request, const auto&, responder r) {
    put(node, request, std::nullopt, std::move(r));
  });
  add("GET", "/api/v1/tasks", [node](const auto& request, const auto&, responder r) {
    list(node, request, std::move(r));
  });
  add("GET", "/api/v1/tasks/{id}", [node](const auto&, const auto& params, responder r) {
    read_tasks<p::task_record>(
        node, std::move(r), [id = params.at("id")](p::task_store& db) { return db.get_task(id); },
        [](p::task_record& task) { return json_response(200, task_json(task)); });
  });
  add("PUT", "/api/v1/tasks/{id}",
             [node](const auto& request, const auto& params, responder r) {
               put(node, request, params.at("id"), std::move(r));
             });
  add("DELETE", "/api/v1/tasks/{id}",
             [node](const auto&, const auto& params, responder r) {
               detail::ask<at::task_reply>(node->system(), tasks_service(node), std::move(r),
                                           task_answer(204), at::task_delete{params.at("id")});
             });
  add("POST", "/api/v1/tasks/{id}/executions",
             [node](const auto& request, const auto& params, responder r) {
               start(node, request, params.at("id"), std::move(r));
             });
  add("GET", "/api/v1/tasks/{id}/metrics",
             [node](const auto&, const auto& params, responder r) {
               metrics(node, params.at("id"), std::move(r));
             });
}

}  // namespace auraos::gateway
