// REST routes of task runs (docs/tasks.md, "REST"): batches, list, read, cancel, retry, logs.

#include <nlohmann/json.hpp>

#include "actors/tasks/tasks_service.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/owner_routing.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/pagination.hpp"
#include "gateway/query_params.hpp"
#include "gateway/task_body.hpp"
#include "gateway/task_json.hpp"
#include "gateway/task_reads.hpp"

namespace auraos::gateway {

caf::actor tasks_service(const std::shared_ptr<node_context>& node);

namespace {

namespace at = actors::tasks;
namespace p = persistence;
using ctx = std::shared_ptr<node_context>;

const char* const run_statuses[] = {"queued",    "running", "retrying", "completed",
                                    "failed",    "cancelled", "timed_out"};

/// Answers a run reply with `status`.
auto run_answer(int status) {
  return [status](at::run_reply& reply) {
    if (!reply) return error_response(execution_api_error(reply.error()));
    return json_response(status, task_run_json(*reply));
  };
}

void batch(const ctx& node, const http_request& request, responder respond) {
  auto body = batch_request_from(request);
  if (!body) return void(respond(error_response(body.error())));
  detail::ask<at::started_reply>(
      node->system(), tasks_service(node), std::move(respond),
      [](at::started_reply& reply) {
        if (!reply) return error_response(execution_api_error(reply.error()));
        auto runs = nlohmann::json::array();
        for (const auto& run : reply->runs) runs.push_back(task_run_json(run));
        return json_response(202, {{"batchId", reply->runs.front().batch_id.value_or("")},
                                   {"runs", runs}});
      },
      std::move(*body));
}

void list(const ctx& node, const http_request& request, responder respond) {
  auto order = order_param(request);
  if (!order) return void(respond(error_response(order.error())));
  // A cursor is valid only with the order that made it.
  auto page = parse_page_request(request, default_page_limit,
                                 *order == p::list_order::newest_first ? cursor_kind::newest_keyset
                                                                       : cursor_kind::keyset);
  if (!page) return void(respond(error_response(page.error())));
  p::task_run_filter filter;
  filter.order = *order;
  filter.task_id = request.query_param("taskId");
  filter.status = request.query_param("status");
  if (filter.status && std::none_of(std::begin(run_statuses), std::end(run_statuses),
                                    [&](const char* s) { return *filter.status == s; }))
    return void(respond(error_response(make_error(
        errc::invalid, "query parameter 'status' must be one of queued, running, retrying, "
                       "completed, failed, cancelled, timed_out; got '" +
                           filter.status->substr(0, 100) + "'"))));
  p::page_request query;
  query.limit = page->limit;
  if (!page->position.empty()) query.cursor = page->position;
  read_tasks<p::page<p::task_run_record>>(
      node, std::move(respond),
      [filter, query](p::task_store& db) { return db.list_task_runs(filter, query); },
      [](p::page<p::task_run_record>& runs) {
        auto items = nlohmann::json::array();
        for (const auto& run : runs.items) items.push_back(task_run_json(run));
        return page_response(items, runs.next_cursor);
      });
}

void logs(const ctx& node, const http_request& request, const std::string& id,
          responder respond) {
  auto page = parse_page_request(request, 1000, cursor_kind::number);
  if (!page) return void(respond(error_response(page.error())));
  std::int64_t after = page->position.empty() ? 0 : std::stoll(page->position);
  std::int64_t limit = page->limit;
  read_tasks<std::vector<p::task_log_line>>(
      node, std::move(respond),
      [id, after, limit](p::task_store& db) -> p::store_result<std::vector<p::task_log_line>> {
        auto run = db.get_task_run(id);
        if (!run) return fail(run.error());
        return db.task_run_logs(id, after, limit + 1);
      },
      [limit](std::vector<p::task_log_line>& lines) {
        std::optional<std::string> next;
        if (static_cast<std::int64_t>(lines.size()) > limit) {
          lines.resize(static_cast<std::size_t>(limit));
          next = std::to_string(lines.back().seq);
        }
        return page_response(task_log_json(lines), next);
      });
}

}  // namespace

void add_task_run_routes(router& routes, std::shared_ptr<node_context> node) {
  // In a cluster the pool and the scheduler run on the coordinator (the holder of shard 0).
  auto add = [&](const char* method, const char* path, route_handler handler) {
    routes.add(method, path, coordinator_route(node, std::move(handler)));
  };
  add("POST", "/api/v1/task-batches", [node](const auto& request, const auto&, responder r) {
    batch(node, request, std::move(r));
  });
  add("GET", "/api/v1/task-executions",
             [node](const auto& request, const auto&, responder r) {
               list(node, request, std::move(r));
             });
  add("GET", "/api/v1/task-executions/{id}",
             [node](const auto&, const auto& params, responder r) {
               read_tasks<p::task_run_record>(
                   node, std::move(r),
                   [id = params.at("id")](p::task_store& db) { return db.get_task_run(id); },
                   [](p::task_run_record& run) { return json_response(200, task_run_json(run)); });
             });
  add("POST", "/api/v1/task-executions/{id}/cancel",
             [node](const auto&, const auto& params, responder r) {
               detail::ask<at::run_reply>(node->system(), tasks_service(node), std::move(r),
                                          run_answer(202), at::run_control{params.at("id"), false});
             });
  add("POST", "/api/v1/task-executions/{id}/retry",
             [node](const auto&, const auto& params, responder r) {
               detail::ask<at::run_reply>(node->system(), tasks_service(node), std::move(r),
                                          run_answer(202), at::run_control{params.at("id"), true});
             });
  add("GET", "/api/v1/task-executions/{id}/logs",
             [node](const auto& request, const auto& params, responder r) {
               logs(node, request, params.at("id"), std::move(r));
             });
}

}  // namespace auraos::gateway
