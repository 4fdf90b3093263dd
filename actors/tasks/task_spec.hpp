#pragma once
// What the pool and a run actor need of a task definition, read once from its stored canonical
// JSON (runtime/tasks/task_definition.hpp validates it).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/definition/workflow.hpp"
#include "runtime/json_ptr.hpp"
#include "runtime/result.hpp"
#include "runtime/tasks/resource_amount.hpp"
#include "runtime/tasks/task_definition.hpp"

namespace auraos::actors::tasks {

/// A dependency of a task on another task.
struct task_dependency {
  std::string task_id;    ///< The task depended on.
  std::string condition;  ///< success or completion.
};

/// A task as the pool runs it.
struct task_spec {
  std::string id;                              ///< The task.
  std::string type;                            ///< shell, http, transform, subworkflow, external.
  std::string queue = "default";               ///< Its queue.
  std::int64_t priority = 0;                   ///< Base priority of its runs.
  runtime::tasks::resource_amounts resources;  ///< What a run holds while it runs (thousandths).
  runtime::definition::retry_policy retry;     ///< Its retry policy.
  std::optional<std::int64_t> timeout_ms;      ///< Per attempt.
  std::optional<std::int64_t> concurrency_limit;  ///< At most this many at once (per key).
  std::optional<std::int64_t> rate_runs;       ///< At most this many starts ...
  std::int64_t rate_window_ms = 0;             ///< ... per this window.
  std::vector<task_dependency> dependencies;   ///< Inside a batch.
  std::int64_t heartbeat_ms = 30000;           ///< External runs: lease length.
  /// The validated definition (its concurrency key template).
  std::shared_ptr<const runtime::tasks::task_definition> definition;
  /// The plain values of its secret config fields (path -> value), opened from the stored task;
  /// held in memory only (task_secrets.hpp).
  std::map<std::string, std::string> secret_values = {};
  /// Why its sealed secrets could not be opened: its attempts fail with error `secrets`.
  std::optional<std::string> secrets_problem = std::nullopt;
};

/// Shared, immutable spec.
using task_spec_ptr = std::shared_ptr<const task_spec>;

/// Reads the spec from a stored definition's JSON text; an error names what is wrong.
result<task_spec_ptr, std::string> spec_of(const std::string& definition_json);

}  // namespace auraos::actors::tasks
