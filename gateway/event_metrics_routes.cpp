// GET /api/v1/events/metrics: stored events per bucket, type and source of a time window (on
// `timestamp`, counted in SQL), the rate over it, and the live subscribers and their lag.

#include <chrono>
#include <memory>

#include <caf/event_based_actor.hpp>
#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/metrics/event_series.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
namespace m = runtime::metrics;
using ctx = std::shared_ptr<node_context>;
using nlohmann::json;

/// The most (bucket, type, source) rows one answer sums; beyond it `truncated` is true.
constexpr std::int64_t max_count_rows = 100000;

json counts_json(const std::map<std::string, std::int64_t>& counts) {
  json out = json::object();
  for (const auto& [name, n] : counts) out[name] = n;
  return out;
}

json metrics_json(const m::series_window& window, const std::vector<p::event_count>& rows,
                  const live_hub::event_lag& lag) {
  auto series = m::bucket_event_counts(window, rows);
  auto buckets = json::array();
  for (const auto& b : series.buckets)
    buckets.push_back({{"start", rfc3339_utc(b.start_ms)},
                       {"total", b.total},
                       {"byType", counts_json(b.by_type)},
                       {"bySource", counts_json(b.by_source)}});
  return {{"from", rfc3339_utc(window.from_ms)},
          {"to", rfc3339_utc(window.to_ms)},
          {"intervalSeconds", window.interval_ms / 1000},
          {"total", series.total},
          {"eventsPerSecond", series.per_second},
          {"truncated", static_cast<std::int64_t>(rows.size()) >= max_count_rows},
          {"series", buckets},
          {"subscribers",
           {{"count", lag.subscribers}, {"lagMax", lag.max}, {"lagTotal", lag.total}}}};
}

void event_metrics(const ctx& node, const http_request& request, responder respond) {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  auto window = m::make_series_window(request.query_param("from"), request.query_param("to"),
                                      request.query_param("interval"), now);
  if (!window) return void(respond(error_response(make_error(errc::invalid, window.error()))));
  using counts_result = p::store_result<std::vector<p::event_count>>;
  auto hub = node->live();
  detail::ask<counts_result>(
      node->system(), node->store(), std::move(respond),
      [window = *window, hub](counts_result& rows) {
        if (!rows) return error_response(store_api_error(rows.error()));
        return json_response(200, metrics_json(window, *rows, hub->event_subscriber_lag()));
      },
      actors::store::event_counts_query{window->from_ms, window->to_ms, window->interval_ms,
                                        max_count_rows});
}

}  // namespace

void add_event_metrics_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/events/metrics",
             [node](const http_request& request, const path_params&, responder r) {
               event_metrics(node, request, std::move(r));
             });
}

}  // namespace auraos::gateway
