// History records <-> stored rows, and the store write of one decision.
#include "actors/executions/execution_records.hpp"

#include <nlohmann/json.hpp>

#include "runtime/engine/json_text.hpp"
#include "runtime/engine/record_json.hpp"
#include "runtime/engine/snapshot.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::actors::executions {

namespace p = persistence;

p::history_event to_stored(const v1::HistoryEvent& record) {
  p::history_event row;
  row.timestamp_ms = record.at_ms();
  row.kind = std::string(runtime::engine::record_kind(record));
  row.node_id = record.node();
  row.attempt = record.attempt();
  row.payload = record.SerializeAsString();
  return row;
}

result<v1::HistoryEvent, std::string> from_stored(const p::history_event& row) {
  v1::HistoryEvent record;
  if (!record.ParseFromString(row.payload))
    return fail("history record " + std::to_string(row.seq) + " of execution " + row.execution_id +
                " does not parse");
  return record;
}

p::execution_status to_row_status(runtime::engine::execution_status status) {
  using es = runtime::engine::execution_status;
  switch (status) {
    case es::pending:
      return p::execution_status::pending;
    case es::running:
      return p::execution_status::running;
    case es::paused:
      return p::execution_status::paused;
    case es::completed:
      return p::execution_status::completed;
    case es::failed:
      return p::execution_status::failed;
    case es::cancelled:
      return p::execution_status::cancelled;
    case es::timed_out:
      return p::execution_status::timed_out;
  }
  return p::execution_status::failed;
}

std::string error_json(const runtime::engine::node_error& error) {
  auto j = runtime::engine::error_object(error);
  j["retryable"] = error.retryable;
  return runtime::dump_json(j);
}

namespace {

/// The metrics column of an ended execution: its node attempts and history length.
std::string metrics_json(const runtime::engine::execution_state& state) {
  int attempts = 0;
  for (const auto& [id, node] : state.nodes) attempts += node.attempt;
  return nlohmann::json{{"nodeAttempts", attempts}, {"historyRecords", state.seq}}.dump();
}

/// The row change when the status moved; nullopt when it did not.
std::optional<p::execution_update> row_change(const runtime::engine::execution_state& before,
                                              const runtime::engine::execution_state& after,
                                              std::int64_t now_ms) {
  if (before.status == after.status) return std::nullopt;
  p::execution_update update;
  update.id = after.execution_id;
  update.status = to_row_status(after.status);
  if (before.status == runtime::engine::execution_status::pending) update.started_at = now_ms;
  if (runtime::engine::is_finished(after.status)) {
    update.completed_at = now_ms;
    if (after.output) update.output = runtime::engine::json_text(after.output);
    if (after.error) update.error = error_json(*after.error);
    update.metrics = metrics_json(after);
  }
  return update;
}

/// Timer rows: put the ones `after` has and `before` had not, delete the ones gone.
void timer_changes(const runtime::engine::execution_state& before,
                   const runtime::engine::execution_state& after,
                   const std::optional<p::fence>& lease, std::vector<p::write_op>& ops) {
  for (const auto& [id, t] : after.timers) {
    auto old = before.timers.find(id);
    if (old == before.timers.end() || old->second.deadline_ms != t.deadline_ms)
      ops.emplace_back(p::put_timer_op{{after.execution_id, id, t.deadline_ms}, lease});
  }
  for (const auto& [id, t] : before.timers)
    if (!after.timers.count(id))
      ops.emplace_back(p::delete_timer_op{after.execution_id, id, lease});
}

}  // namespace

p::write_request decision_write(const runtime::engine::execution_state& before,
                                const runtime::engine::execution_state& after,
                                const std::vector<v1::HistoryEvent>& records, bool snapshot,
                                std::optional<p::fence> lease) {
  p::write_request request;
  request.wait_for_database = true;  // a decision is stored before it acts, however long that takes
  p::append_history_op append;
  append.execution_id = after.execution_id;
  append.expected_next_seq = before.seq + 1;
  append.lease = lease;
  for (const auto& r : records) append.events.push_back(to_stored(r));
  std::int64_t now_ms = records.empty() ? 0 : records.back().at_ms();
  request.ops.emplace_back(std::move(append));
  if (auto change = row_change(before, after, now_ms))
    request.ops.emplace_back(p::update_execution_op{std::move(*change), lease});
  timer_changes(before, after, lease, request.ops);
  if (snapshot)
    request.ops.emplace_back(p::put_snapshot_op{
        {after.execution_id, after.seq, runtime::engine::to_snapshot(after).SerializeAsString()},
        lease});
  return request;
}

}  // namespace auraos::actors::executions
