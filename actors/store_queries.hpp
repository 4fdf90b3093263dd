#pragma once
// The read requests the store actor answers (plain data, no CAF).

#include <cstdint>
#include <optional>
#include <string>

#include "persistence/execution_record.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::actors {

/// Asks the database for a trivial answer (readiness probe).
struct ping_query {};

/// Asks for a workflow (latest revision, or the given one).
struct get_workflow_query {
  std::string id;                        ///< The workflow.
  std::optional<std::int64_t> revision;  ///< Absent: the latest.
};

/// Asks for a page of workflows.
struct list_workflows_query {
  persistence::workflow_filter filter;  ///< Which ones.
  persistence::page_request page;       ///< Where.
};

/// Asks for one execution.
struct get_execution_query {
  std::string id;  ///< The execution.
};

/// Asks for a page of executions.
struct list_executions_query {
  persistence::execution_filter filter;  ///< Which ones.
  persistence::page_request page;        ///< Where.
};

/// Asks how many executions have each status.
struct count_executions_query {};

/// Asks for every pending, running or paused execution.
struct unfinished_executions_query {};

/// Asks for the history of an execution after a seq.
struct read_history_query {
  std::string execution_id;    ///< The execution.
  std::int64_t after_seq = 0;  ///< Records with a higher seq.
  std::int64_t limit = 0;      ///< At most this many (0: all).
};

/// Asks for an execution's latest snapshot.
struct latest_snapshot_query {
  std::string execution_id;  ///< The execution.
};

/// Asks for timers due at `now_ms`.
struct due_timers_query {
  std::int64_t now_ms = 0;   ///< The time.
  std::int64_t limit = 100;  ///< At most this many.
};

/// Asks for the earliest timer deadline.
struct next_timer_deadline_query {};

/// Asks for a shard's lease.
struct shard_lease_query {
  std::int64_t shard = 0;  ///< The shard.
};

}  // namespace auraos::actors
