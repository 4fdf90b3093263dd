#pragma once
// A task definition (spec/tasks.md, "The task definition"): a unit of work defined once and run
// on demand, on a schedule or from a workflow. Parsed and validated by `parse_task_definition`;
// its canonical JSON is `to_json` (task_json.hpp). Rules and defaults: docs/tasks.md.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/parse.hpp"
#include "runtime/definition/workflow.hpp"
#include "runtime/expr/json_template.hpp"
#include "runtime/json_ptr.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::tasks {

/// Largest `priority` either way (a run's aging adds to it).
inline constexpr std::int64_t max_priority = 1'000'000;
/// Largest `concurrency.limit` and `rateLimit.runs`.
inline constexpr std::int64_t max_count = 1'000'000;
/// Largest amount of one resource a run may ask for.
inline constexpr double max_resource_amount = 1e12;

/// What runs a task: a node type of the workflow language, or an external worker.
enum class task_type { shell, http, transform, subworkflow, external };

/// Spelling of a task type as in definitions ("subworkflow").
std::string_view to_string(task_type type);

/// Which outcome of the task it names a dependency waits for.
enum class dependency_condition { success, completion };

/// Another task whose run in the same batch must finish first.
struct dependency {
  std::string task_id;
  dependency_condition condition = dependency_condition::success;
};

/// At most `limit` runs at once: of the task, or per rendered `key` when there is one.
struct concurrency_rule {
  int limit = 1;
  /// Template over `input` (e.g. "${input.customerId}"); absent: one limit for the whole task.
  std::optional<expr::json_template> key;
};

/// At most `runs` starts in any window of `per_seconds`.
struct rate_rule {
  int runs = 1;
  double per_seconds = 1;
};

/// A validated task definition.
struct task_definition {
  std::string id;
  std::string name;
  std::string description;
  task_type type = task_type::shell;
  /// The type's config; every string in it is a template (for `external`: with its defaults).
  expr::json_template config;
  /// How long an external run's lease lives without a heartbeat (`external` only).
  double heartbeat_seconds = 30;
  std::vector<dependency> dependencies;
  /// Amount of each named resource one run needs (`cpu`, `memoryMiB`, custom names).
  std::map<std::string, double, std::less<>> resources;
  definition::retry_policy retry;
  /// Limit of one attempt; none when absent.
  std::optional<double> timeout_seconds;
  std::int64_t priority = 0;
  std::string queue = "default";
  std::optional<concurrency_rule> concurrency;
  std::optional<rate_rule> rate_limit;
  std::vector<std::string> tags;
  /// Free JSON object, stored and returned; never null.
  json_ptr metadata;
  /// Paths of string fields of `config` whose values are secret ("config.headers.X"): sealed
  /// at rest, "***" in every answer (docs/security.md); shell and http tasks only.
  std::vector<std::string> secrets = {};
};

/// Every problem of a task definition, with its JSON path (as for workflows).
using task_errors = std::vector<definition::definition_error>;

/// Validates a parsed JSON document into a task definition; every error found is returned.
result<task_definition, task_errors> parse_task_definition(const nlohmann::json& document);

/// Parses JSON text, then validates it like the JSON form; malformed text is one error naming
/// line and column.
result<task_definition, task_errors> parse_task_definition_text(std::string_view json_text);

}  // namespace auraos::runtime::tasks
