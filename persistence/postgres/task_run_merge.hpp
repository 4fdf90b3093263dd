#pragma once
// Task-run writes of many requests of one group commit as one set-based call: the pool's starts
// and every run actor's end come as small requests (a run's new fields, its log lines); planned
// one by one they cost a call and a savepoint each, which limits the runs a node finishes per
// second. Only requests that touch runs no other request of the batch touches are merged, so
// applying them together, before the others, cannot change what any request sees.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "persistence/postgres/plan.hpp"

namespace auraos::persistence::postgres {

/// The merged requests of a batch and their one planned request.
struct merged_task_runs {
  /// The merged requests' places in the batch, ascending.
  std::vector<std::size_t> members;
  /// One op: the call of task_runs_apply.sql.
  planned_request planned;
  /// Filled when the call's rows are read: (member index, the missing run it named) for each
  /// member left out.
  std::shared_ptr<std::vector<std::pair<std::size_t, std::string>>> left_out;
};

/// The requests of `requests` made only of task-run updates without a lease and log appends,
/// whose runs no other request names and which update no run twice, planned as one call;
/// nothing when fewer than two qualify.
std::optional<merged_task_runs> merge_task_run_writes(const std::vector<write_request>& requests,
                                                      const clock_fn& clock);

/// Each member's outcome once the merged request stored (`merged` succeeded): its ops' empty
/// results, or not found for the members left out.
std::vector<write_outcome> member_outcomes(const merged_task_runs& merged,
                                           const std::vector<write_request>& requests);

}  // namespace auraos::persistence::postgres
