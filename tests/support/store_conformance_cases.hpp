#pragma once
// Store behaviour every backend must show. Include once, after defining make_store_factory().

#include <algorithm>

#include "persistence/shards.hpp"
#include "runtime/uuid.hpp"
#include "tests/support/store_conformance.hpp"

namespace auraos::test::conformance {

using namespace auraos::persistence;

/// A history event of the given kind with a payload holding a NUL and high bytes.
inline history_event event(std::string kind, std::int64_t attempt = 0) {
  return {"", 0, 1000 + attempt, std::move(kind), "node-a", attempt, std::string("p\0\xff", 3)};
}

/// An append of `count` events at `expected_next_seq`.
inline append_history_op appending(const std::string& execution_id, std::int64_t expected_next_seq,
                                   int count = 1, std::optional<fence> lease = {}) {
  append_history_op op{execution_id, expected_next_seq, {}, lease};
  for (int i = 0; i < count; ++i) op.events.push_back(event("step", i));
  return op;
}

/// The ids of a list of records, in order.
template <class T>
std::vector<std::string> ids(const std::vector<T>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.id);
  return out;
}

/// The code of a failed result (fails the test on success).
template <class T>
store_errc error_code(const store_result<T>& r) {
  BOOST_REQUIRE(!r.has_value());
  return r.error().code;
}

/// A message-carrying check that a result succeeded.
#define AURAOS_REQUIRE_OK(expr)                                                    \
  do {                                                                             \
    const auto& auraos_checked = (expr);                                           \
    BOOST_REQUIRE_MESSAGE(auraos_checked.has_value(),                              \
                          (auraos_checked ? "" : auraos_checked.error().message)); \
  } while (false)

}  // namespace auraos::test::conformance

// One file per store interface (workflow_store, execution_store, event_store, timer_store,
// lease_store, batch_store), shards, then the schema's own cases.
#include "tests/support/store_conformance_dashboard.hpp"
#include "tests/support/store_conformance_executions.hpp"
#include "tests/support/store_conformance_history.hpp"
#include "tests/support/store_conformance_leases.hpp"
#include "tests/support/store_conformance_seed_schema.hpp"
#include "tests/support/store_conformance_shards.hpp"
#include "tests/support/store_conformance_timers.hpp"
#include "tests/support/store_conformance_transactions.hpp"
#include "tests/support/store_conformance_upgrade.hpp"
#include "tests/support/store_conformance_workflows.hpp"
// Uses the release-1 rows of store_conformance_upgrade.hpp.
#include "tests/support/store_conformance_cluster_upgrade.hpp"

// Events use the seed schema's same_json.
#include "tests/support/store_conformance_events.hpp"

// The event lists use the events' helpers.
#include "tests/support/store_conformance_event_lists.hpp"

// Pattern rules use the events' helpers (commit_op).
#include "tests/support/store_conformance_patterns.hpp"
// Retention uses the events' helpers.
#include "tests/support/store_conformance_event_retention.hpp"
// Tasks use the events' helpers (commit_op).
#include "tests/support/store_conformance_tasks.hpp"
// Task runs use the tasks' helpers.
#include "tests/support/store_conformance_task_runs.hpp"
#include "tests/support/store_conformance_task_run_batches.hpp"
// Users, tokens and the audit log use the seed schema's same_json; tokens use the users' helpers.
#include "tests/support/store_conformance_users.hpp"
#include "tests/support/store_conformance_tokens.hpp"
#include "tests/support/store_conformance_audit.hpp"
// Sealed secrets use the tasks' helpers (a_task, put_task).
#include "tests/support/store_conformance_secrets.hpp"
