#include "runtime/engine/snapshot.hpp"

#include "runtime/engine/json_text.hpp"

namespace auraos::runtime::engine {
namespace {

void write_node(v1::NodeSnapshot& out, const std::string& id, const node_state& n) {
  out.set_id(id);
  out.set_status(std::string(to_string(n.status)));
  out.set_queued(n.queued);
  out.set_attempt(n.attempt);
  out.set_attempt_open(n.attempt_open);
  out.set_retry_due(n.retry_due);
  if (n.input) out.set_input_json(json_text(n.input));
  if (n.output) out.set_output_json(json_text(n.output));
  if (n.error) *out.mutable_error() = to_message(*n.error);
  out.set_config_json(n.config_json);
  out.set_deadline_ms(n.deadline_ms);
  out.set_idempotency_key(n.idempotency_key);
  out.set_started_ms(n.started_ms);
  out.set_ended_ms(n.ended_ms);
}

result<node_state, std::string> read_node(const v1::NodeSnapshot& in) {
  auto status = parse_node_status(in.status());
  if (!status) return fail("node \"" + in.id() + "\": unknown status \"" + in.status() + "\"");
  node_state n;
  n.status = *status;
  n.queued = in.queued();
  n.attempt = in.attempt();
  n.attempt_open = in.attempt_open();
  n.retry_due = in.retry_due();
  if (in.has_input_json()) n.input = parse_json_text(in.input_json());
  if (in.has_output_json()) n.output = parse_json_text(in.output_json());
  if (in.has_error()) n.error = from_message(in.error());
  n.config_json = in.config_json();
  n.deadline_ms = in.deadline_ms();
  n.idempotency_key = in.idempotency_key();
  n.started_ms = in.started_ms();
  n.ended_ms = in.ended_ms();
  return n;
}

void write_timers(v1::ExecutionSnapshot& out, const execution_state& state) {
  for (const auto& [id, t] : state.timers) {
    auto* timer = out.add_timers();
    timer->set_id(id);
    timer->set_deadline_ms(t.deadline_ms);
    timer->set_purpose(t.purpose);
    timer->set_node(t.node);
    timer->set_attempt(t.attempt);
  }
}

}  // namespace

v1::ExecutionSnapshot to_snapshot(const execution_state& state) {
  v1::ExecutionSnapshot out;
  out.set_seq(state.seq);
  out.set_execution_id(state.execution_id);
  out.set_workflow_id(state.workflow_id);
  out.set_revision(state.revision);
  out.set_status(std::string(to_string(state.status)));
  out.set_input_json(json_text(state.input));
  out.set_vars_json(json_text(state.vars));
  if (state.output) out.set_output_json(json_text(state.output));
  if (state.error) *out.mutable_error() = to_message(*state.error);
  for (const auto& [id, n] : state.nodes) write_node(*out.add_nodes(), id, n);
  for (auto e : state.connections) out.add_connections(static_cast<int>(e));
  write_timers(out, state);
  for (const auto& id : state.ready_queue) out.add_ready_queue(id);
  return out;
}

result<execution_state, std::string> from_snapshot(const v1::ExecutionSnapshot& in) {
  auto status = parse_execution_status(in.status());
  if (!status) return fail("snapshot: unknown execution status \"" + in.status() + "\"");
  execution_state state;
  state.seq = in.seq();
  state.execution_id = in.execution_id();
  state.workflow_id = in.workflow_id();
  state.revision = in.revision();
  state.status = *status;
  state.input = parse_json_text(in.input_json());
  state.vars = parse_json_text(in.vars_json());
  if (in.has_output_json()) state.output = parse_json_text(in.output_json());
  if (in.has_error()) state.error = from_message(in.error());
  for (const auto& n : in.nodes()) {
    auto node = read_node(n);
    if (!node) return fail(node.error());
    state.nodes[n.id()] = std::move(*node);
  }
  for (auto e : in.connections()) {
    if (e < 0 || e > 2)
      return fail("snapshot: connection state " + std::to_string(e) + " out of range");
    state.connections.push_back(static_cast<edge_state>(e));
  }
  for (const auto& t : in.timers())
    state.timers[t.id()] = {t.deadline_ms(), t.purpose(), t.node(), t.attempt()};
  state.ready_queue.assign(in.ready_queue().begin(), in.ready_queue().end());
  return state;
}

}  // namespace auraos::runtime::engine
