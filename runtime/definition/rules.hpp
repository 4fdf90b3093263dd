#pragma once
// The validator's parts, one per section of the definition (internal).

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/scope.hpp"
#include "runtime/definition/workflow.hpp"

namespace auraos::runtime::definition {

/// Checks an expression string at `key` (bare, or wrapped whole in "${...}").
std::optional<expr::expression> read_expression(const scope& at, const nlohmann::json& object,
                                                std::string_view key);

/// Parses `value` as a template, reporting each syntax error at `key` plus its inner path.
std::optional<expr::json_template> read_template(const scope& at, std::string_view key,
                                                 const nlohmann::json& value);

/// Reads a retry policy object found at `at`.
std::optional<retry_policy> read_retry_policy(const scope& at, const nlohmann::json& value);

/// Reads the top-level `variables`.
std::vector<variable> read_variables(const scope& root, const nlohmann::json& document);

/// Reads the top-level `settings`.
workflow_settings read_settings(const scope& root, const nlohmann::json& document);

/// Reads the top-level `nodes` (common fields and config).
std::vector<node> read_nodes(const scope& root, const nlohmann::json& document);

/// Checks a node's config against the shape its type requires.
void check_config(const scope& at, node_type type, const nlohmann::json& config);

/// Reads the top-level `connections`; each must name nodes of `nodes`.
std::vector<connection> read_connections(const scope& root, const nlohmann::json& document,
                                         const std::vector<node>& nodes);

/// Checks the graph: no cycle, every node reachable from a start node.
void check_graph(const scope& root, const std::vector<node>& nodes,
                 const std::vector<connection>& connections);

/// Reads the top-level `triggers`.
std::vector<trigger> read_triggers(const scope& root, const nlohmann::json& document);

}  // namespace auraos::runtime::definition
