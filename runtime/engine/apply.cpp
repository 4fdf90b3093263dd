#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/engine/json_text.hpp"
#include "runtime/engine/state.hpp"

namespace auraos::runtime::engine {
namespace {

using v1::HistoryEvent;

void dequeue(execution_state& s, const std::string& id) {
  auto& q = s.ready_queue;
  q.erase(std::remove(q.begin(), q.end(), id), q.end());
  s.nodes[id].queued = false;
}

void apply_attempt_started(execution_state& s, const HistoryEvent& r) {
  dequeue(s, r.node());
  auto& n = s.nodes[r.node()];
  const auto& a = r.attempt_started();
  n.status = a.waits_for_event() ? node_status::waiting : node_status::running;
  n.attempt = r.attempt();
  n.attempt_open = true;
  n.retry_due = false;
  n.config_json = a.config_json();
  n.idempotency_key = a.idempotency_key();
  n.deadline_ms = a.deadline_ms();
}

void apply_timer(execution_state& s, const HistoryEvent& r) {
  const auto& t = r.timer_set();
  s.timers[t.timer_id()] = {t.deadline_ms(), t.purpose(), r.node(), r.attempt()};
  if (t.purpose() == v1::TIMER_DELAY || t.purpose() == v1::TIMER_EVENT_TIMEOUT)
    s.nodes[r.node()].status = node_status::waiting;
}

void apply_timer_fired(execution_state& s, const HistoryEvent& r) {
  auto it = s.timers.find(r.timer_fired().timer_id());
  if (it == s.timers.end()) return;
  if (it->second.purpose == v1::TIMER_RETRY) s.nodes[it->second.node].retry_due = true;
  s.timers.erase(it);
}

void end_node(execution_state& s, const HistoryEvent& r, node_status status) {
  dequeue(s, r.node());
  auto& n = s.nodes[r.node()];
  n.status = status;
  n.attempt_open = false;
  n.retry_due = false;
}

void apply_node_record(execution_state& s, const HistoryEvent& r) {
  auto& n = s.nodes[r.node()];
  switch (r.kind_case()) {
    case HistoryEvent::kNodeScheduled:
      n.queued = true;
      n.input = parse_json_text(r.node_scheduled().input_json());
      s.ready_queue.push_back(r.node());
      break;
    case HistoryEvent::kAttemptStarted:
      apply_attempt_started(s, r);
      break;
    case HistoryEvent::kAttemptCompleted:
      n.attempt_open = false;
      break;
    case HistoryEvent::kAttemptFailed:
      n.attempt_open = false;
      n.error = from_message(r.attempt_failed().error());
      break;
    case HistoryEvent::kAttemptInterrupted:
      if (r.attempt_interrupted().reason() == "cancelled") n.attempt_open = false;
      break;
    case HistoryEvent::kRetryScheduled:
      n.status = node_status::retrying;
      break;
    case HistoryEvent::kNodeCompleted:
      end_node(s, r, node_status::completed);
      n.output = parse_json_text(r.node_completed().output_json());
      break;
    case HistoryEvent::kNodeFailed:
      end_node(s, r, node_status::failed);
      n.error = from_message(r.node_failed().error());
      break;
    case HistoryEvent::kNodeSkipped:
      end_node(s, r, node_status::skipped);
      break;
    case HistoryEvent::kNodeCancelled:
      end_node(s, r, node_status::cancelled);
      break;
    default:
      break;
  }
}

/// Notes when a node started (first attempt or delay) and ended.
void note_node_times(execution_state& s, const HistoryEvent& r) {
  if (r.node().empty()) return;
  auto& n = s.nodes[r.node()];
  if ((r.has_attempt_started() || r.has_timer_set()) && n.started_ms == 0) n.started_ms = r.at_ms();
  if (r.has_node_completed() || r.has_node_failed() || r.has_node_skipped() ||
      r.has_node_cancelled())
    n.ended_ms = r.at_ms();
}

void apply_execution_record(execution_state& s, const HistoryEvent& r) {
  switch (r.kind_case()) {
    case HistoryEvent::kExecutionStarted: {
      const auto& e = r.execution_started();
      s.execution_id = e.execution_id();
      s.workflow_id = e.workflow_id();
      s.revision = e.revision();
      s.input = parse_json_text(e.input_json());
      s.vars = parse_json_text(e.vars_json());
      s.status = execution_status::running;
      break;
    }
    case HistoryEvent::kExecutionPaused:
      s.status = execution_status::paused;
      break;
    case HistoryEvent::kExecutionResumed:
      s.status = execution_status::running;
      break;
    case HistoryEvent::kExecutionCompleted:
      s.status = execution_status::completed;
      s.output = parse_json_text(r.execution_completed().output_json());
      break;
    case HistoryEvent::kExecutionFailed:
      s.status = execution_status::failed;
      s.error = from_message(r.execution_failed().error());
      break;
    case HistoryEvent::kExecutionCancelled:
      s.status = execution_status::cancelled;
      break;
    case HistoryEvent::kExecutionTimedOut:
      s.status = execution_status::timed_out;
      s.error = r.execution_timed_out().has_error()
                    ? from_message(r.execution_timed_out().error())
                    : node_error{"timeout", "the execution timed out", false, 0};
      break;
    default:
      break;
  }
}

}  // namespace

v1::NodeError to_message(const node_error& e) {
  v1::NodeError m;
  m.set_type(e.type);
  m.set_message(e.message);
  m.set_retryable(e.retryable);
  m.set_attempts(e.attempts);
  if (e.fields && e.fields->is_object() && !e.fields->empty())
    m.set_fields_json(json_text(e.fields));
  return m;
}

node_error from_message(const v1::NodeError& e) {
  node_error error{e.type(), e.message(), e.retryable(), e.attempts()};
  if (!e.fields_json().empty()) error.fields = parse_json_text(e.fields_json());
  return error;
}

void apply(execution_state& state, const HistoryEvent& record) {
  ++state.seq;
  note_node_times(state, record);
  switch (record.kind_case()) {
    case HistoryEvent::kTimerSet:
      apply_timer(state, record);
      return;
    case HistoryEvent::kTimerFired:
      apply_timer_fired(state, record);
      return;
    case HistoryEvent::kTimerCancelled:
      state.timers.erase(record.timer_cancelled().timer_id());
      return;
    case HistoryEvent::kConnectionDecided: {
      const auto& c = record.connection_decided();
      auto index = static_cast<std::size_t>(c.index());
      if (index < state.connections.size())
        state.connections[index] = c.taken() ? edge_state::taken : edge_state::not_taken;
      return;
    }
    default:
      break;
  }
  if (record.node().empty())
    apply_execution_record(state, record);
  else
    apply_node_record(state, record);
}

execution_state initial_state(const workflow& wf) {
  execution_state state;
  for (const auto& n : wf.nodes) state.nodes[n.id] = node_state{};
  state.connections.assign(wf.connections.size(), edge_state::undecided);
  return state;
}

execution_state fold(const workflow& wf, const std::vector<HistoryEvent>& history) {
  auto state = initial_state(wf);
  for (const auto& record : history) apply(state, record);
  return state;
}

}  // namespace auraos::runtime::engine
