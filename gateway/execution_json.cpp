// The REST shapes of an execution, its history, its log lines and the service's counters.
#include "gateway/execution_json.hpp"

#include <nlohmann/json.hpp>

#include "actors/executions/execution_records.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/engine/record_json.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {

namespace {

nlohmann::json time_or_null(const std::optional<std::int64_t>& ms) {
  return ms ? nlohmann::json(runtime::engine::format_rfc3339_ms(*ms)) : nlohmann::json();
}

nlohmann::json error_or_null(const std::optional<runtime::engine::node_error>& error) {
  if (!error) return nullptr;
  auto parsed =
      runtime::parse_json(actors::executions::error_json(*error), runtime::max_stored_json_depth);
  return parsed ? std::move(*parsed) : nlohmann::json(nullptr);
}

/// A node time (0: not yet) as RFC 3339 text or null.
nlohmann::json node_time_or_null(std::int64_t ms) {
  return ms == 0 ? nlohmann::json() : nlohmann::json(runtime::engine::format_rfc3339_ms(ms));
}

nlohmann::json node_views(const actors::executions::execution_view& view, nlohmann::json& metrics) {
  auto nodes = nlohmann::json::array();
  int attempts = 0;
  for (const auto& n : view.nodes) {
    attempts += n.attempts;
    nodes.push_back({{"id", n.id},
                     {"status", n.status},
                     {"attempts", n.attempts},
                     {"startedAt", node_time_or_null(n.started_ms)},
                     {"completedAt", node_time_or_null(n.ended_ms)},
                     {"output", runtime::engine::json_or_null(n.output)},
                     {"error", error_or_null(n.error)}});
  }
  metrics["nodeAttempts"] = attempts;
  metrics["historyRecords"] = view.history_records;
  return nodes;
}

}  // namespace

nlohmann::json execution_json(const actors::executions::execution_view& view) {
  nlohmann::json metrics = nlohmann::json::object();
  nlohmann::json out{
      {"id", view.id},
      {"workflowId", view.workflow_id},
      {"revision", view.revision},
      {"status", view.status},
      {"input", runtime::engine::json_or_null(runtime::engine::parse_json_text(view.input_json))},
      {"output", runtime::engine::json_or_null(view.output)},
      {"error", error_or_null(view.error)},
      {"startedAt", time_or_null(view.started_at)},
      {"completedAt", time_or_null(view.completed_at)},
      {"createdBy", view.created_by ? nlohmann::json(*view.created_by) : nlohmann::json()}};
  out["nodes"] = node_views(view, metrics);
  if (view.started_at && view.completed_at)
    metrics["durationMs"] = *view.completed_at - *view.started_at;
  out["metrics"] = std::move(metrics);
  return out;
}

nlohmann::json history_item_json(const v1::HistoryEvent& record, std::int64_t seq,
                                 std::int64_t timestamp_ms) {
  auto j = runtime::engine::record_to_json(record);
  j["seq"] = seq;
  j["timestamp"] = runtime::engine::format_rfc3339_ms(timestamp_ms);
  return j;
}

nlohmann::json history_json(const actors::executions::history_page& page) {
  auto out = nlohmann::json::array();
  for (const auto& line : page.lines) out.push_back(line);
  for (const auto& entry : page.records)
    out.push_back(history_item_json(entry.record, entry.seq, entry.timestamp_ms));
  return out;
}

nlohmann::json counters_json(const actors::executions::executions_counters& counters) {
  nlohmann::json by_status = counters.ended;
  return {{"executions", {{"started", counters.started}, {"ended", by_status}}},
          {"nodeAttempts", counters.attempts},
          {"retries", counters.retries},
          {"activeActors", counters.active_actors},
          {"activations", counters.activations},
          {"passivations", counters.passivations},
          {"fencedWrites", counters.fenced_writes}};
}

}  // namespace auraos::gateway
