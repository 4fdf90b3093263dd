#pragma once
// The execution store: executions, their append-only history and snapshots.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "persistence/batch_store.hpp"

namespace auraos::persistence {

/// Counts of executions by status name ("running", "completed", ...).
using status_counts = std::map<std::string, std::int64_t>;

/// Durable executions: reads, and writes as execution_ops through `commit`.
class execution_store : public virtual batch_store {
 public:
  /// One execution.
  virtual store_result<execution_record> get_execution(const std::string& id) = 0;
  /// Executions in creation order.
  virtual store_result<page<execution_record>> list_executions(const execution_filter& filter,
                                                               const page_request& page) = 0;
  /// When the executions that started in [from_ms, to_ms) started, and which ended there.
  virtual store_result<execution_activity> execution_activity_between(std::int64_t from_ms,
                                                                      std::int64_t to_ms) = 0;
  /// How many executions have each status, by status name (statuses with none are absent).
  virtual store_result<status_counts> count_executions_by_status() = 0;
  /// Every pending, running or paused execution of the given shards (none given: of all
  /// shards), in creation order (for recovery).
  virtual store_result<std::vector<execution_record>> unfinished_executions(
      const std::vector<std::int64_t>& shards = {}) = 0;
  /// History records with seq > after_seq, in seq order; at most `limit` of them (0: all).
  virtual store_result<std::vector<history_event>> read_history(const std::string& execution_id,
                                                                std::int64_t after_seq = 0,
                                                                std::int64_t limit = 0) = 0;
  /// The snapshot with the highest seq, if any.
  virtual store_result<std::optional<snapshot_record>> latest_snapshot(
      const std::string& execution_id) = 0;

  /// Creates an execution, or returns the first one with the same idempotency key (fenced
  /// when `lease` is given).
  store_result<created_execution> create_execution(execution_record execution,
                                                   std::optional<fence> lease = {});
  /// Changes an execution's mutable fields (fenced when `lease` is given).
  store_status update_execution(execution_update update, std::optional<fence> lease = {});
  /// Appends history records if the history's next seq is expected_next_seq.
  store_status append(append_history_op op);
  /// Stores a snapshot (fenced when `lease` is given).
  store_status put_snapshot(snapshot_record snapshot, std::optional<fence> lease = {});
};

}  // namespace auraos::persistence
