#pragma once
// Whether a run of a batch may start, given how the runs it depends on ended (docs/tasks.md,
// "Batches"). Pure.

#include <optional>
#include <string>
#include <vector>

namespace auraos::runtime::tasks {

/// One dependency of a run on another run of its batch.
struct run_dependency {
  std::string run_id;     ///< The run depended on.
  std::string condition;  ///< `success` (it must complete) or `completion` (it must end).
};

/// A dependency as it stands: the status of the run depended on (absent: unknown run).
struct dependency_status {
  run_dependency dependency;          ///< The dependency.
  std::optional<std::string> status;  ///< Its run's current status.
};

/// Where a run's dependencies leave it.
enum class dependency_verdict {
  ready,    ///< Every dependency is met: it may be admitted.
  waiting,  ///< Some run depended on has not ended yet.
  blocked,  ///< A `success` dependency ended otherwise (or is unknown): it never starts.
};

/// The verdict over every dependency, and for `blocked` the sentence saying which one.
struct dependency_result {
  dependency_verdict verdict = dependency_verdict::ready;  ///< The verdict.
  std::string reason;  ///< For blocked: e.g. "dependency run X ended failed".
};

/// Decides from the statuses of the runs depended on.
dependency_result check_dependencies(const std::vector<dependency_status>& dependencies);

}  // namespace auraos::runtime::tasks
