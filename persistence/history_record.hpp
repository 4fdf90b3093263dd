#pragma once
// Execution history, snapshots, timers and shard leases.

#include <cstdint>
#include <optional>
#include <string>

namespace auraos::persistence {

/// One append-only history record; `payload` is an opaque serialized Protobuf message.
struct history_event {
  std::string execution_id;       ///< The execution it belongs to.
  std::int64_t seq = 0;           ///< 1, 2, 3, ... per execution, no gaps.
  std::int64_t timestamp_ms = 0;  ///< When it happened, milliseconds since the epoch.
  std::string kind;               ///< What happened, e.g. "attempt_started" (history.proto).
  std::string node_id;            ///< The node it concerns, empty for the execution itself.
  std::int64_t attempt = 0;       ///< The attempt number, 0 when not about an attempt.
  std::string payload;            ///< Serialized message bytes (may hold any byte).
};

/// The newest folded state of an execution up to `seq`, as opaque bytes.
struct snapshot_record {
  std::string execution_id;  ///< The execution.
  std::int64_t seq = 0;      ///< The last history seq the snapshot includes.
  std::string payload;       ///< Serialized state bytes.
};

/// A durable timer: an absolute deadline owned by an execution.
struct timer_record {
  std::string execution_id;      ///< The owner.
  std::string timer_id;          ///< Unique within the execution.
  std::int64_t deadline_ms = 0;  ///< Fires at this time, milliseconds since the epoch.
};

/// Who owns a shard and under which epoch (the fencing token).
struct shard_lease {
  std::int64_t shard = 0;  ///< The shard number.
  std::string owner;       ///< The node that holds it.
  std::int64_t epoch = 0;  ///< Bumped by every acquisition.
};

/// The fencing token a writer carries: its shard and the epoch it acquired.
struct fence {
  std::int64_t shard = 0;  ///< The shard of the execution written.
  std::int64_t epoch = 0;  ///< Must equal the stored epoch of that shard.
};

}  // namespace auraos::persistence
