// The REST shapes of an execution, its history and its log lines.
#include "actors/execution_view.hpp"

#include <nlohmann/json.hpp>

#include "actors/execution_records.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/engine/record_json.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::actors {

namespace {

nlohmann::json time_or_null(const std::optional<std::int64_t>& ms) {
  return ms ? nlohmann::json(engine::format_rfc3339_ms(*ms)) : nlohmann::json();
}

nlohmann::json error_or_null(const std::optional<engine::node_error>& error) {
  if (!error) return nullptr;
  auto parsed = runtime::parse_json(error_json(*error), runtime::max_stored_json_depth);
  return parsed ? std::move(*parsed) : nlohmann::json(nullptr);
}

/// A node time (0: not yet) as RFC 3339 text or null.
nlohmann::json node_time_or_null(std::int64_t ms) {
  return ms == 0 ? nlohmann::json() : nlohmann::json(engine::format_rfc3339_ms(ms));
}

nlohmann::json node_views(const engine::execution_state& state, nlohmann::json& metrics) {
  auto nodes = nlohmann::json::array();
  int attempts = 0;
  for (const auto& [id, n] : state.nodes) {
    attempts += n.attempt;
    nodes.push_back({{"id", id},
                     {"status", std::string(engine::to_string(n.status))},
                     {"attempts", n.attempt},
                     {"startedAt", node_time_or_null(n.started_ms)},
                     {"completedAt", node_time_or_null(n.ended_ms)},
                     {"output", engine::json_or_null(n.output)},
                     {"error", error_or_null(n.error)}});
  }
  metrics["nodeAttempts"] = attempts;
  metrics["historyRecords"] = state.seq;
  return nodes;
}

/// Characters of one error field a log line shows (the whole value is in the history).
constexpr std::size_t log_field_cap = 4096;

/// A value as log text: JSON, cut at `log_field_cap` (not inside a UTF-8 sequence).
std::string capped_text(const nlohmann::json& value) {
  auto text = runtime::dump_json(value);
  if (text.size() <= log_field_cap) return text;
  auto cut = log_field_cap;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "... (" + std::to_string(text.size()) + " bytes)";
}

/// `; exitCode: 3; stderr: "boom\n"; ...`: an error's extra fields, for its log line.
std::string fields_text(const messages::NodeError& error) {
  auto fields = runtime::parse_json(error.fields_json(), runtime::max_stored_json_depth);
  if (!fields || !fields->is_object()) return {};
  std::string text;
  for (const auto& [key, value] : fields->items()) text += "; " + key + ": " + capped_text(value);
  return text;
}

}  // namespace

nlohmann::json execution_view(const persistence::execution_record& row,
                              const engine::execution_state& state) {
  nlohmann::json metrics = nlohmann::json::object();
  nlohmann::json view{{"id", row.id},
                      {"workflowId", row.workflow_id},
                      {"revision", row.revision},
                      {"status", std::string(persistence::to_string(row.status))},
                      {"input", engine::json_or_null(engine::parse_json_text(row.input))},
                      {"output", engine::json_or_null(state.output)},
                      {"error", error_or_null(state.error)},
                      {"startedAt", time_or_null(row.started_at)},
                      {"completedAt", time_or_null(row.completed_at)}};
  view["nodes"] = node_views(state, metrics);
  if (row.started_at && row.completed_at)
    metrics["durationMs"] = *row.completed_at - *row.started_at;
  view["metrics"] = std::move(metrics);
  return view;
}

nlohmann::json history_view(const std::vector<persistence::history_event>& rows) {
  auto out = nlohmann::json::array();
  for (const auto& row : rows) {
    auto record = from_stored(row);
    if (!record) continue;
    auto j = engine::record_to_json(*record);
    j["seq"] = row.seq;
    j["timestamp"] = engine::format_rfc3339_ms(row.timestamp_ms);
    out.push_back(std::move(j));
  }
  return out;
}

std::string log_line(const std::string& execution_id, const messages::HistoryEvent& record) {
  std::string line = engine::format_rfc3339_ms(record.at_ms()) + " " + execution_id;
  if (!record.node().empty()) line += " " + record.node();
  if (record.attempt() > 0) line += "#" + std::to_string(record.attempt());
  line += " " + std::string(engine::record_kind(record));
  if (record.has_attempt_failed())
    line += ": " + record.attempt_failed().error().type() + ": " +
            record.attempt_failed().error().message() +
            fields_text(record.attempt_failed().error());
  if (record.has_node_failed()) line += ": " + record.node_failed().error().message();
  if (record.has_execution_failed()) line += ": " + record.execution_failed().error().message();
  if (record.has_execution_timed_out() && record.execution_timed_out().has_error())
    line += ": " + record.execution_timed_out().error().message();
  if (record.has_retry_scheduled())
    line += " in " + std::to_string(record.retry_scheduled().delay_ms()) + " ms";
  return line;
}

nlohmann::json logs_view(const std::string& execution_id,
                         const std::vector<persistence::history_event>& rows) {
  auto out = nlohmann::json::array();
  for (const auto& row : rows)
    if (auto record = from_stored(row)) out.push_back(log_line(execution_id, *record));
  return out;
}

}  // namespace auraos::actors
