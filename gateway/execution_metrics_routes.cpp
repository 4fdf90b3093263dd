// GET /api/v1/executions/metrics: executions by status now, and what started and ended in each
// bucket of a time window (the dashboard's charts).

#include <chrono>
#include <memory>

#include <caf/event_based_actor.hpp>
#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/metrics/execution_series.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
namespace m = runtime::metrics;
using ctx = std::shared_ptr<node_context>;
using nlohmann::json;

/// Every execution status, in lifecycle order.
constexpr p::execution_status all_statuses[] = {
    p::execution_status::pending,   p::execution_status::running, p::execution_status::paused,
    p::execution_status::completed, p::execution_status::failed,  p::execution_status::cancelled,
    p::execution_status::timed_out};

json by_status_json(const p::status_counts& counts) {
  json out = json::object();
  for (auto status : all_statuses) {
    auto name = std::string{p::to_string(status)};
    auto it = counts.find(name);
    out[name] = it == counts.end() ? 0 : it->second;
  }
  return out;
}

json number_or_null(const std::optional<std::int64_t>& value) {
  return value ? json(*value) : json(nullptr);
}

json series_json(const m::series_window& window, const p::execution_activity& activity) {
  std::vector<m::ended_sample> ended;
  ended.reserve(activity.ended.size());
  for (const auto& row : activity.ended)
    ended.push_back(
        {row.completed_at, std::string{p::to_string(row.status)}, row.execution_time_ms});
  auto series = json::array();
  for (const auto& b : m::bucket_executions(window, activity.started, ended))
    series.push_back({{"start", rfc3339_utc(b.start_ms)},
                      {"started", b.started},
                      {"completed", b.completed},
                      {"failed", b.failed},
                      {"cancelled", b.cancelled},
                      {"durationMs",
                       {{"p50", number_or_null(b.duration.p50)},
                        {"p95", number_or_null(b.duration.p95)},
                        {"p99", number_or_null(b.duration.p99)}}}});
  return series;
}

void execution_metrics(const ctx& node, const http_request& request, responder respond) {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  auto window = m::make_series_window(request.query_param("from"), request.query_param("to"),
                                      request.query_param("interval"), now);
  if (!window) return void(respond(error_response(make_error(errc::invalid, window.error()))));
  auto store = node->store();
  detail::spawn_asker(
      node->system(), [store, window = *window, respond](caf::event_based_actor* self) {
        auto on_activity = [window, respond](p::status_counts counts,
                                             p::store_result<p::execution_activity>& activity) {
          if (!activity) return void(respond(error_response(store_api_error(activity.error()))));
          json body{{"from", rfc3339_utc(window.from_ms)},
                    {"to", rfc3339_utc(window.to_ms)},
                    {"intervalSeconds", window.interval_ms / 1000},
                    {"byStatus", by_status_json(counts)},
                    {"series", series_json(window, *activity)}};
          respond(json_response(200, body));
        };
        auto on_counts = [self, store, window, respond,
                          on_activity](p::store_result<p::status_counts>& counts) {
          if (!counts) return void(respond(error_response(store_api_error(counts.error()))));
          detail::ask_from<p::store_result<p::execution_activity>>(
              self, store, respond,
              [counts = *counts, on_activity](p::store_result<p::execution_activity>& activity) {
                on_activity(counts, activity);
              },
              actors::store::execution_activity_query{window.from_ms, window.to_ms});
        };
        detail::ask_from<p::store_result<p::status_counts>>(
            self, store, respond, on_counts, actors::store::count_executions_query{});
      });
}

}  // namespace

void add_execution_metrics_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/executions/metrics",
             [node](const http_request& request, const path_params&, responder r) {
               execution_metrics(node, request, std::move(r));
             });
}

}  // namespace auraos::gateway
