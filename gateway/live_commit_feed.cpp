// Rendering committed execution rows and history records for the live hub.

#include "gateway/live_commit_feed.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "actors/executions/execution_records.hpp"
#include "gateway/execution_json.hpp"
#include "gateway/resource_json.hpp"
#include "gateway/sse.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;

/// Rows remembered at most; past it the cache starts over (misses read the row again).
constexpr std::size_t max_known_rows = 100000;

nlohmann::json time_or_null(const std::optional<std::int64_t>& ms) {
  return ms ? nlohmann::json(rfc3339_utc(*ms)) : nlohmann::json(nullptr);
}

}  // namespace

stream_chunk execution_message(const std::string& id, const std::string& workflow_id,
                               p::execution_status status, std::optional<std::int64_t> started_at,
                               std::optional<std::int64_t> completed_at) {
  nlohmann::json data{{"id", id},
                      {"workflowId", workflow_id},
                      {"status", std::string{p::to_string(status)}},
                      {"startedAt", time_or_null(started_at)},
                      {"completedAt", time_or_null(completed_at)}};
  return std::make_shared<const std::string>(sse_event("execution", runtime::dump_json(data)));
}

live_commit_feed::live_commit_feed(std::shared_ptr<live_hub> hub) : hub_(std::move(hub)) {}

bool live_commit_feed::listening() const {
  return hub_->wanted(live_topic::executions) || hub_->wanted(live_topic::transitions);
}

void live_commit_feed::committed(p::store& db, const p::write_batch& batch,
                                 const std::vector<p::write_outcome>& outcomes) {
  // Live updates are a courtesy: a rendering failure must never reach the store actor.
  try {
    for (std::size_t i = 0; i < batch.requests.size() && i < outcomes.size(); ++i)
      if (outcomes[i]) publish_request(db, batch.requests[i], *outcomes[i]);
  } catch (const std::exception& e) {
    spdlog::warn("live: a committed batch could not be published: {}", e.what());
  }
}

void live_commit_feed::publish_request(p::store& db, const p::write_request& request,
                                       const std::vector<p::op_result>& results) {
  for (std::size_t k = 0; k < request.ops.size(); ++k) {
    const auto& op = request.ops[k];
    if (std::holds_alternative<p::create_execution_op>(op)) {
      const auto* made =
          k < results.size() ? std::get_if<p::created_execution>(&results[k]) : nullptr;
      if (made && !made->existing) created(made->execution);
    } else if (const auto* update = std::get_if<p::update_execution_op>(&op)) {
      updated(db, update->update);
    } else if (const auto* append = std::get_if<p::append_history_op>(&op)) {
      appended(*append);
    }
  }
}

void live_commit_feed::created(const p::execution_record& row) {
  remember(row.id, {row.workflow_id, row.started_at});
  if (hub_->wanted(live_topic::executions))
    hub_->publish(live_topic::executions, execution_message(row.id, row.workflow_id, row.status,
                                                            row.started_at, row.completed_at));
}

void live_commit_feed::updated(p::store& db, const p::execution_update& update) {
  if (!update.status || !hub_->wanted(live_topic::executions)) return;
  const auto* row = row_of(db, update.id);
  if (!row) return;
  auto started = update.started_at ? update.started_at : row->started_at;
  hub_->publish(
      live_topic::executions,
      execution_message(update.id, row->workflow_id, *update.status, started, update.completed_at));
  if (p::is_unfinished(*update.status))
    rows_[update.id].started_at = started;
  else
    rows_.erase(update.id);
}

void live_commit_feed::appended(const p::append_history_op& op) {
  if (!hub_->wants_transitions(op.execution_id)) return;
  for (std::size_t k = 0; k < op.events.size(); ++k) {
    auto event = op.events[k];
    event.execution_id = op.execution_id;
    event.seq = op.expected_next_seq + static_cast<std::int64_t>(k);
    auto record = actors::executions::from_stored(event);
    if (!record) {
      spdlog::warn("live: {}", record.error());
      continue;
    }
    auto item = history_item_json(*record, event.seq, event.timestamp_ms);
    item["executionId"] = op.execution_id;
    hub_->publish(
        live_topic::transitions,
        std::make_shared<const std::string>(sse_event("transition", runtime::dump_json(item))),
        op.execution_id);
  }
}

const live_commit_feed::known_row* live_commit_feed::row_of(p::store& db, const std::string& id) {
  if (auto it = rows_.find(id); it != rows_.end()) return &it->second;
  auto stored = db.get_execution(id);
  if (!stored) return nullptr;
  remember(id, {stored->workflow_id, stored->started_at});
  return &rows_.at(id);
}

void live_commit_feed::remember(const std::string& id, known_row row) {
  if (rows_.size() >= max_known_rows) rows_.clear();
  rows_[id] = std::move(row);
}

}  // namespace auraos::gateway
