#pragma once
// Reading the sections of a task definition's JSON, reporting every wrong one in the style of
// the workflow definition rules (internal to task_definition.cpp).

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/scope.hpp"
#include "runtime/tasks/task_definition.hpp"

namespace auraos::runtime::tasks {

/// The spelling `name` of a task type, or nullopt.
std::optional<task_type> parse_task_type(std::string_view name);

/// Reads `config` for `type` (absent counts as {}): a node config, or the external one.
void read_task_config(const definition::scope& root, const nlohmann::json& document, task_type type,
                      task_definition& out);

/// Reads `dependencies`: each `{taskId, condition}` once, never the task itself.
std::vector<dependency> read_dependencies(const definition::scope& root,
                                          const nlohmann::json& document, std::string_view self);

/// Reads `resources`: resource name -> amount (>= 0, in steps of 0.001).
std::map<std::string, double, std::less<>> read_resources(const definition::scope& root,
                                                          const nlohmann::json& document);

/// Reads `concurrency`: `{limit, key?}`.
std::optional<concurrency_rule> read_concurrency(const definition::scope& root,
                                                 const nlohmann::json& document);

/// Reads `secrets`: paths of string fields of `config` (shell and http tasks only).
std::vector<std::string> read_secrets(const definition::scope& root,
                                      const nlohmann::json& document, task_type type);

/// Reads `rateLimit`: `{runs, perSeconds}`.
std::optional<rate_rule> read_rate_limit(const definition::scope& root,
                                         const nlohmann::json& document);

}  // namespace auraos::runtime::tasks
