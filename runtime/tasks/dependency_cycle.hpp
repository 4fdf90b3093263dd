#pragma once
// Cycles among task dependencies: a cycle is a definition error (spec/tasks.md).

#include <optional>
#include <string>
#include <vector>

#include "runtime/definition/parse.hpp"
#include "runtime/tasks/task_definition.hpp"

namespace auraos::runtime::tasks {

/// A cycle of dependencies among `definitions`, as the ids along it with the first repeated at
/// the end (["a", "b", "a"]); nullopt when there is none. Dependencies on ids outside the set
/// are not followed. Deterministic: definitions are tried in id order, dependencies in their
/// listed order. Time O((definitions + dependencies) · log definitions).
std::optional<std::vector<std::string>> dependency_cycle(
    const std::vector<task_definition>& definitions);

/// The definition error for `cycle` at `dependencies`: "dependencies: form a cycle: a -> b -> a".
definition::definition_error cycle_error(const std::vector<std::string>& cycle);

}  // namespace auraos::runtime::tasks
