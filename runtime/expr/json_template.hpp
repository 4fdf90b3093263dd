#pragma once
// JSON templates: any JSON value whose strings may hold ${...} expressions.

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/expr/expression.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::expr {

/// A syntax error inside a template, with the JSON path of the string that holds it.
struct template_error {
  /// Path below the template's root, e.g. "output.shipped" or "command[1]"; empty for the root.
  std::string path;
  /// The expression's syntax error.
  syntax_error error;
};

struct template_tree;

/// A JSON value parsed once: a string that is exactly "${e}" becomes the typed value of e,
/// "${e}" inside a longer string interpolates e as text, everything else is copied.
class json_template {
 public:
  /// An empty template that renders null.
  json_template();
  /// Parses every string of `value`; all syntax errors are returned, each with its path.
  static result<json_template, std::vector<template_error>> parse(const nlohmann::json& value,
                                                                  const limits& bounds = {});
  /// Renders the template against `scope` (see expression::evaluate).
  result<nlohmann::json, evaluation_error> render(const nlohmann::json& scope,
                                                  const evaluation_options& options = {}) const;
  /// The JSON value the template was parsed from.
  const nlohmann::json& source() const;
  /// True when no string of the template holds an expression.
  bool is_constant() const;

 private:
  explicit json_template(std::shared_ptr<const template_tree> tree);
  std::shared_ptr<const template_tree> tree_;
};

}  // namespace auraos::runtime::expr
