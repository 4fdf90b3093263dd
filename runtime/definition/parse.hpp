#pragma once
// Parsing and validating workflow definitions (spec/workflow-language.md), and checking an
// execution's input against a workflow's variables.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/workflow.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::definition {

/// One problem of a definition: where it is and what is wrong.
struct definition_error {
  /// JSON path of the enclosing element, e.g. "nodes[2]" or "connections[1]"; may be empty.
  std::string location;
  /// Id of the node the error belongs to; empty when none.
  std::string node_id;
  /// Path below `location`, e.g. "config.command"; may be empty.
  std::string field;
  /// What is wrong, e.g. "required".
  std::string message;
  /// One line: `nodes[2] (id "charge"): config.command: required` or `name: required`.
  std::string to_string() const;
};

/// Parses JSON text and validates it; every error found is returned (syntax errors name line
/// and column).
result<workflow, std::vector<definition_error>> parse_workflow(std::string_view json_text);

/// Validates a parsed JSON document into a workflow; every error found is returned.
result<workflow, std::vector<definition_error>> parse_workflow(const nlohmann::json& document);

/// JSON text held in a string (resolves the choice between text and JSON value).
inline result<workflow, std::vector<definition_error>> parse_workflow(
    const std::string& json_text) {
  return parse_workflow(std::string_view{json_text});
}

/// JSON text given as a C string.
inline result<workflow, std::vector<definition_error>> parse_workflow(const char* json_text) {
  return parse_workflow(std::string_view{json_text});
}

/// Checks an execution input against the workflow's variables: it must be an object or null,
/// give every required variable, and give each variable a value of its declared type.
std::vector<definition_error> check_input(const workflow& wf, const nlohmann::json& input);

/// The object readable as `vars`: each variable's input value, else its default; variables
/// with neither are absent.
nlohmann::json variable_values(const workflow& wf, const nlohmann::json& input);

}  // namespace auraos::runtime::definition
