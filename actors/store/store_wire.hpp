#pragma once
// `inspect` overloads of the store's plain data (records, filters, write requests and their
// results), so that the store actor's requests and replies may cross a node (the event store's:
// event_wire.hpp, the pattern rules': pattern_wire.hpp, the tasks': task_wire.hpp, the
// security store's: security_wire.hpp).

#include <cstdint>
#include <map>
#include <variant>

#include "actors/store/event_wire.hpp"
#include "actors/store/pattern_wire.hpp"
#include "actors/store/security_wire.hpp"
#include "actors/store/task_wire.hpp"
#include "actors/wire.hpp"
#include "persistence/write_batch.hpp"

namespace auraos::persistence {

namespace detail {

/// Loads alternative `index` of a variant (after its index was loaded).
template <std::size_t I, class Inspector, class... Ts>
typename Inspector::result_type load_alternative(Inspector& f, std::variant<Ts...>& x,
                                                 std::uint8_t index) {
  if constexpr (I < sizeof...(Ts)) {
    if (index != I) return load_alternative<I + 1>(f, x, index);
    return f(x.template emplace<I>());
  } else {
    return caf::make_error(caf::sec::invalid_argument, "variant index out of range");
  }
}

}  // namespace detail

/// Inspects a variant of store types as (index, alternative).
template <class Inspector, class... Ts>
typename Inspector::result_type inspect(Inspector& f, std::variant<Ts...>& x) {
  auto index = static_cast<std::uint8_t>(x.index());
  if constexpr (Inspector::reads_state) {
    return std::visit([&](auto& value) { return f(index, value); }, x);
  } else {
    if (auto error = f(index)) return error;
    return detail::load_alternative<0>(f, x, index);
  }
}

/// Inspects a store error.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, store_error& x) {
  return f(caf::meta::type_name("store_error"), x.code, x.message);
}

/// Inspects a page request.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, page_request& x) {
  actors::wire::optional_field<std::string> cursor{x.cursor};
  return f(caf::meta::type_name("page_request"), x.limit, cursor);
}

/// Inspects a page of records.
template <class Inspector, class T>
typename Inspector::result_type inspect(Inspector& f, page<T>& x) {
  actors::wire::optional_field<std::string> next{x.next_cursor};
  return f(caf::meta::type_name("page"), x.items, next);
}

/// Inspects a workflow filter.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, workflow_filter& x) {
  actors::wire::optional_field<std::string> name{x.name};
  actors::wire::optional_field<std::string> tag{x.tag};
  actors::wire::optional_field<workflow_status> status{x.status};
  actors::wire::optional_field<std::string> contains{x.name_contains};
  return f(caf::meta::type_name("workflow_filter"), name, tag, status, contains);
}

/// Inspects an execution filter.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_filter& x) {
  actors::wire::optional_field<std::string> workflow{x.workflow_id};
  actors::wire::optional_field<execution_status> status{x.status};
  actors::wire::optional_field<std::int64_t> from{x.created_from};
  actors::wire::optional_field<std::int64_t> before{x.created_before};
  return f(caf::meta::type_name("execution_filter"), workflow, status, from, before, x.order);
}

/// Inspects an ended execution as the metrics count it.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, ended_execution_row& x) {
  actors::wire::optional_field<std::int64_t> took{x.execution_time_ms};
  return f(caf::meta::type_name("ended_execution_row"), x.completed_at, x.status, took);
}

/// Inspects the executions' activity in a window.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_activity& x) {
  return f(caf::meta::type_name("execution_activity"), x.started, x.ended);
}

/// Inspects a workflow draft.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, workflow_draft& x) {
  actors::wire::optional_field<std::string> metadata{x.metadata};
  actors::wire::optional_field<workflow_status> status{x.status};
  return f(caf::meta::type_name("workflow_draft"), x.id, x.name, x.description, x.version,
           x.definition, x.tags, metadata, status);
}

/// Inspects a stored workflow revision.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, workflow_record& x) {
  actors::wire::optional_field<std::string> metadata{x.metadata};
  return f(caf::meta::type_name("workflow_record"), x.id, x.name, x.description, x.version,
           x.revision, x.definition, x.tags, x.created_at, x.updated_at, x.status, metadata);
}

/// Inspects a stored execution.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_record& x) {
  actors::wire::optional_field<std::string> output{x.output};
  actors::wire::optional_field<std::string> error{x.error};
  actors::wire::optional_field<std::int64_t> started{x.started_at};
  actors::wire::optional_field<std::int64_t> completed{x.completed_at};
  actors::wire::optional_field<std::string> key{x.idempotency_key};
  actors::wire::optional_field<std::string> metrics{x.metrics};
  actors::wire::optional_field<std::string> message{x.error_message};
  actors::wire::optional_field<std::int64_t> took{x.execution_time_ms};
  actors::wire::optional_field<std::string> created_by{x.created_by};
  actors::wire::optional_field<std::string> secrets{x.secrets};
  return f(caf::meta::type_name("execution_record"), x.id, x.workflow_id, x.revision, x.status,
           x.input, output, error, x.created_at, started, completed, key, metrics, message, took,
           created_by, secrets);
}

/// Inspects a change of an execution.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_update& x) {
  actors::wire::optional_field<execution_status> status{x.status};
  actors::wire::optional_field<std::string> output{x.output};
  actors::wire::optional_field<std::string> error{x.error};
  actors::wire::optional_field<std::int64_t> started{x.started_at};
  actors::wire::optional_field<std::int64_t> completed{x.completed_at};
  actors::wire::optional_field<std::string> metrics{x.metrics};
  return f(caf::meta::type_name("execution_update"), x.id, status, output, error, started,
           completed, metrics);
}

/// Inspects a reseal of a stored secret (key rotation).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, reseal_op& x) {
  return f(caf::meta::type_name("reseal_op"), x.owner, x.id, x.from, x.to);
}

/// Inspects a created execution.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, created_execution& x) {
  return f(caf::meta::type_name("created_execution"), x.execution, x.existing);
}

/// Inspects a stored history record.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, history_event& x) {
  return f(caf::meta::type_name("history_event"), x.execution_id, x.seq, x.timestamp_ms, x.kind,
           x.node_id, x.attempt, x.payload);
}

/// Inspects a snapshot.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, snapshot_record& x) {
  return f(caf::meta::type_name("snapshot_record"), x.execution_id, x.seq, x.payload);
}

/// Inspects a timer.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, timer_record& x) {
  return f(caf::meta::type_name("timer_record"), x.execution_id, x.timer_id, x.deadline_ms);
}

/// Inspects a shard lease.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, shard_lease& x) {
  return f(caf::meta::type_name("shard_lease"), x.shard, x.owner, x.epoch);
}

/// Inspects a fence.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, fence& x) {
  return f(caf::meta::type_name("fence"), x.shard, x.epoch);
}

/// Inspects a put-workflow write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_workflow_op& x) {
  return f(caf::meta::type_name("put_workflow_op"), x.draft);
}

/// Inspects a create-only workflow write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, create_workflow_op& x) {
  return f(caf::meta::type_name("create_workflow_op"), x.draft);
}

/// Inspects a delete-workflow write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_workflow_op& x) {
  return f(caf::meta::type_name("delete_workflow_op"), x.id);
}

/// Inspects a workflow-status write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, set_workflow_status_op& x) {
  return f(caf::meta::type_name("set_workflow_status_op"), x.id, x.status);
}

/// Inspects a create-execution write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, create_execution_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("create_execution_op"), x.execution, lease);
}

/// Inspects an update-execution write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, update_execution_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("update_execution_op"), x.update, lease);
}

/// Inspects a history append.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, append_history_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("append_history_op"), x.execution_id, x.expected_next_seq, x.events,
           lease);
}

/// Inspects a snapshot write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_snapshot_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("put_snapshot_op"), x.snapshot, lease);
}

/// Inspects a timer write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_timer_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("put_timer_op"), x.timer, lease);
}

/// Inspects a timer deletion.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_timer_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("delete_timer_op"), x.execution_id, x.timer_id, lease);
}

/// Inspects a shard acquisition.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, acquire_shard_op& x) {
  return f(caf::meta::type_name("acquire_shard_op"), x.shard, x.owner);
}

/// Inspects a write request.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, write_request& x) {
  return f(caf::meta::type_name("write_request"), x.ops, x.wait_for_database);
}

}  // namespace auraos::persistence
