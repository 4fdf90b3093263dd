#pragma once
// The wire form (CAF inspect overloads) of the executions service's values, so they can cross
// nodes; included where the typed interface is (executions_service.hpp), never by renderers.

#include <caf/meta/type_name.hpp>

#include "actors/executions/execution_messages.hpp"
#include "actors/wire.hpp"

namespace auraos::actors::executions {

/// Inspects a node view.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, node_view& x) {
  wire::json_field output{x.output};
  wire::optional_field<runtime::engine::node_error> error{x.error};
  return f(caf::meta::type_name("node_view"), x.id, x.status, x.attempts, x.started_ms, x.ended_ms,
           output, error);
}

/// Inspects an execution view.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_view& x) {
  wire::json_field output{x.output};
  wire::optional_field<runtime::engine::node_error> error{x.error};
  wire::optional_field<std::int64_t> started{x.started_at};
  wire::optional_field<std::int64_t> completed{x.completed_at};
  wire::optional_field<std::string> created_by{x.created_by};
  return f(caf::meta::type_name("execution_view"), x.id, x.workflow_id, x.revision, x.status,
           x.input_json, output, error, started, completed, x.nodes, x.history_records,
           created_by);
}

/// Inspects a history entry.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, history_entry& x) {
  return f(caf::meta::type_name("history_entry"), x.seq, x.timestamp_ms, x.record);
}

/// Inspects a history page.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, history_page& x) {
  wire::optional_field<std::int64_t> next{x.next_after};
  return f(caf::meta::type_name("history_page"), x.records, x.lines, next);
}

/// Inspects a start command.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, start_execution_command& x) {
  return f(caf::meta::type_name("start_execution_command"), x.workflow_id, x.revision, x.input_json,
           x.idempotency_key, x.created_by);
}

/// Inspects a refusal.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_failure& x) {
  return f(caf::meta::type_name("execution_failure"), x.code, x.message, x.details);
}

/// Inspects a brief.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_brief& x) {
  return f(caf::meta::type_name("execution_brief"), x.seq, x.status);
}

/// Inspects the counters.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, executions_counters& x) {
  return f(caf::meta::type_name("executions_counters"), x.started, x.ended, x.attempts, x.retries,
           x.active_actors, x.activations, x.passivations, x.fenced_writes);
}

}  // namespace auraos::actors::executions
