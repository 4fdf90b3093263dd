#pragma once
// The canonical JSON of a task definition, to store and to answer with: every field spelled out
// with its default, so `parse_task_definition(to_json(d))` gives back an equal definition and
// `to_json` of that is the same JSON.

#include <nlohmann/json_fwd.hpp>

#include "runtime/tasks/task_definition.hpp"

namespace auraos::runtime::tasks {

/// `{id, name, description, type, config, dependencies, resources, retryPolicy, priority, queue,
/// tags, metadata}` plus `timeout`, `concurrency` and `rateLimit` when the definition has them.
nlohmann::json to_json(const task_definition& task);

}  // namespace auraos::runtime::tasks
