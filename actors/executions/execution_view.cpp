// Typed views of an execution, its history and its log lines.
#include "actors/executions/execution_view.hpp"

#include <nlohmann/json.hpp>

#include "actors/executions/execution_records.hpp"
#include "runtime/engine/record_json.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::actors::executions {

namespace {

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
std::string fields_text(const v1::NodeError& error) {
  auto fields = runtime::parse_json(error.fields_json(), runtime::max_stored_json_depth);
  if (!fields || !fields->is_object()) return {};
  std::string text;
  for (const auto& [key, value] : fields->items()) text += "; " + key + ": " + capped_text(value);
  return text;
}

}  // namespace

execution_view view_of(const persistence::execution_record& row,
                       const runtime::engine::execution_state& state) {
  execution_view view{row.id,           row.workflow_id,
                      row.revision,     std::string(persistence::to_string(row.status)),
                      row.input,        state.output,
                      state.error,      row.started_at,
                      row.completed_at, {},
                      state.seq,        row.created_by};
  view.nodes.reserve(state.nodes.size());
  for (const auto& [id, n] : state.nodes)
    view.nodes.push_back({id, std::string(runtime::engine::to_string(n.status)), n.attempt,
                          n.started_ms, n.ended_ms, n.output, n.error});
  return view;
}

std::vector<history_entry> history_entries(const std::vector<persistence::history_event>& rows) {
  std::vector<history_entry> out;
  out.reserve(rows.size());
  for (const auto& row : rows)
    if (auto record = from_stored(row))
      out.push_back({row.seq, row.timestamp_ms, std::move(*record)});
  return out;
}

std::string log_line(const std::string& execution_id, const v1::HistoryEvent& record) {
  std::string line = runtime::engine::format_rfc3339_ms(record.at_ms()) + " " + execution_id;
  if (!record.node().empty()) line += " " + record.node();
  if (record.attempt() > 0) line += "#" + std::to_string(record.attempt());
  line += " " + std::string(runtime::engine::record_kind(record));
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

std::vector<std::string> log_lines(const std::string& execution_id,
                                   const std::vector<persistence::history_event>& rows) {
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& row : rows)
    if (auto record = from_stored(row)) out.push_back(log_line(execution_id, *record));
  return out;
}

}  // namespace auraos::actors::executions
