#pragma once
// The store: every concern's interface over one database, as the SQLite and PostgreSQL
// backends implement it. Concerns: workflows, executions and history, timers, shard leases,
// events and their pattern rules, tasks with their runs and schedules, users with their tokens
// and the audit log, and the sealed secrets of executions and tasks.

#include "persistence/event_pattern_store.hpp"
#include "persistence/event_store.hpp"
#include "persistence/execution_store.hpp"
#include "persistence/lease_store.hpp"
#include "persistence/secret_store.hpp"
#include "persistence/security_store.hpp"
#include "persistence/task_store.hpp"
#include "persistence/timer_store.hpp"
#include "persistence/workflow_store.hpp"

namespace auraos::persistence {

/// One database holding every concern; writes of all of them share `commit` (one transaction).
class store : public workflow_store,
              public execution_store,
              public event_store,
              public event_pattern_store,
              public timer_store,
              public lease_store,
              public task_store,
              public security_store,
              public secret_store {
 public:
  /// Ok when the database would take a write now (readiness probe): takes the write locks
  /// briefly and writes nothing; a locked or busy database answers unavailable.
  virtual store_status ping() = 0;
};

}  // namespace auraos::persistence
