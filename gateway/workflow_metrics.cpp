#include "gateway/workflow_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "gateway/detail/ask.hpp"
#include "gateway/detail/collect_executions.hpp"
#include "gateway/resource_json.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;

nlohmann::json percentile(const std::vector<std::int64_t>& sorted, double q) {
  if (sorted.empty()) return nullptr;
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

nlohmann::json execution_metrics_json(const std::vector<p::execution_record>& all) {
  std::map<p::execution_status, std::int64_t> counts;
  std::vector<std::int64_t> durations;
  for (const auto& record : all) {
    ++counts[record.status];
    if (!p::is_unfinished(record.status) && record.started_at && record.completed_at)
      durations.push_back(*record.completed_at - *record.started_at);
  }
  std::sort(durations.begin(), durations.end());
  auto finished = counts[p::execution_status::completed] + counts[p::execution_status::failed] +
                  counts[p::execution_status::cancelled] + counts[p::execution_status::timed_out];
  nlohmann::json rate = nullptr;
  if (finished > 0)
    rate =
        static_cast<double>(counts[p::execution_status::completed]) / static_cast<double>(finished);
  return {
      {"executions",
       {{"total", all.size()},
        {"running", counts[p::execution_status::running]},
        {"completed", counts[p::execution_status::completed]},
        {"failed", counts[p::execution_status::failed] + counts[p::execution_status::timed_out]},
        {"cancelled", counts[p::execution_status::cancelled]}}},
      {"durationMs",
       {{"p50", percentile(durations, 0.50)},
        {"p95", percentile(durations, 0.95)},
        {"p99", percentile(durations, 0.99)}}},
      {"successRate", rate}};
}

void workflow_metrics(const std::shared_ptr<node_context>& node, std::string id,
                      responder respond) {
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    auto store = node->store();
    auto on_workflow = [=](p::store_result<p::workflow_record>& found) {
      if (!found) return void(respond(error_response(store_api_error(found.error()))));
      detail::collect_executions(self, store, p::execution_filter{id, std::nullopt}, respond,
                                 [respond](std::vector<p::execution_record> all) {
                                   respond(json_response(200, execution_metrics_json(all)));
                                 });
    };
    detail::ask_from<p::store_result<p::workflow_record>>(
        self, store, respond, on_workflow, actors::store::get_workflow_query{id, std::nullopt});
  });
}

}  // namespace auraos::gateway
