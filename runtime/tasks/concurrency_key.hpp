#pragma once
// The concurrency key of one run: the definition's `concurrency.key` rendered over its input.

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/expr/expression.hpp"
#include "runtime/result.hpp"
#include "runtime/tasks/task_definition.hpp"

namespace auraos::runtime::tasks {

/// Renders `rule.key` against `{"input": input}`: a string result is the key, any other value
/// its compact JSON text (42 -> "42"); nullopt when the rule has no key. A failed evaluation,
/// or a null key (a field the input lacks), is an error.
result<std::optional<std::string>, expr::evaluation_error> render_concurrency_key(
    const concurrency_rule& rule, const nlohmann::json& input);

}  // namespace auraos::runtime::tasks
