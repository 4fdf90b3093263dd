#pragma once
// Group commit: many requesters' writes applied in one transaction.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"
#include "persistence/store_error.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence {

/// Creates a workflow, or stores a new revision of an existing one.
struct put_workflow_op {
  workflow_draft draft;  ///< The definition to store.
};

/// Deletes a workflow (soft: its revisions stay for the executions that run them).
struct delete_workflow_op {
  std::string id;  ///< The workflow.
};

/// Moves a workflow to another status (draft, active, archived); no new revision.
struct set_workflow_status_op {
  std::string id;                                   ///< The live workflow.
  workflow_status status = workflow_status::draft;  ///< Its new status.
};

/// Creates an execution; a repeated idempotency key returns the first one instead.
struct create_execution_op {
  execution_record execution;  ///< Created_at is stamped by the store when 0.
};

/// Changes an execution's mutable fields.
struct update_execution_op {
  execution_update update;  ///< The change.
};

/// Appends history records, numbered from `expected_next_seq`, if nobody appended first.
struct append_history_op {
  std::string execution_id;            ///< The execution.
  std::int64_t expected_next_seq = 1;  ///< The seq the first event gets; 1 for a new history.
  std::vector<history_event> events;   ///< Their execution_id and seq are set by the store.
  std::optional<fence> lease;          ///< When present, rejected unless the epoch is current.
};

/// Stores (or replaces) the snapshot of an execution at a seq.
struct put_snapshot_op {
  snapshot_record snapshot;  ///< The snapshot.
};

/// Creates or moves a durable timer.
struct put_timer_op {
  timer_record timer;  ///< The timer.
};

/// Removes a durable timer (fired or cancelled); absent timers are fine.
struct delete_timer_op {
  std::string execution_id;  ///< The owner.
  std::string timer_id;      ///< The timer.
};

/// Takes a shard for an owner and bumps its epoch, fencing out the previous holder.
struct acquire_shard_op {
  std::int64_t shard = 0;  ///< The shard.
  std::string owner;       ///< The new holder.
};

/// One write operation.
using write_op = std::variant<put_workflow_op, delete_workflow_op, create_execution_op,
                              update_execution_op, append_history_op, put_snapshot_op, put_timer_op,
                              delete_timer_op, acquire_shard_op, set_workflow_status_op>;

/// What one operation produced: nothing, a workflow, an execution or a lease.
using op_result = std::variant<std::monostate, workflow_record, created_execution, shard_lease>;

/// The result of a create_execution_op (built in place: GCC 12 warns about a temporary).
inline op_result created_result(execution_record execution, bool existing) {
  op_result out{std::in_place_type<created_execution>};
  auto& created = std::get<created_execution>(out);
  created.execution = std::move(execution);
  created.existing = existing;
  return out;
}

/// One requester's operations: applied all together or not at all.
struct write_request {
  std::vector<write_op> ops;  ///< In order.
  /// While the database is unavailable, keep the request and retry it until it is stored
  /// (runtime writes) instead of answering `unavailable` at once (API writes).
  bool wait_for_database = false;
};

/// The outcome of one write_request: a result per operation, or why it was rejected.
using write_outcome = store_result<std::vector<op_result>>;

/// Many requests committed in one transaction; one request's rejection leaves the others.
struct write_batch {
  std::vector<write_request> requests;  ///< In order.
};

}  // namespace auraos::persistence
