#pragma once
// The write operations of the execution store: executions, their history and snapshots. Every
// write an execution makes carries its shard's lease (`fence`); the store rejects a stale one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"

namespace auraos::persistence {

/// Creates an execution; a repeated idempotency key returns the first one instead. The row's
/// shard is the lease's, else shard_of(id, the store's shard count).
struct create_execution_op {
  execution_record execution;                 ///< Created_at is stamped by the store when 0.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
};

/// Changes an execution's mutable fields.
struct update_execution_op {
  execution_update update;                    ///< The change.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
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
  snapshot_record snapshot;                   ///< The snapshot.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
};

}  // namespace auraos::persistence
