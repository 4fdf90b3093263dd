#pragma once
// The parsed form of a json_template: constants, expressions and interpolated strings.
// Internal to runtime/expr (holds JSON literals by value, so it needs the full JSON header):
// included only by expr's own sources; other folders use expression.hpp and json_template.hpp.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/expr/json_template.hpp"

namespace auraos::runtime::expr {

/// Literal text followed by an optional expression, one piece of an interpolated string.
struct template_part {
  /// Text copied as is (with `$${` already turned into `${`).
  std::string text;
  /// The expression that follows the text, if any.
  std::optional<expression> value;
};

/// One node of a parsed template.
struct template_node {
  /// What the node renders.
  enum class node_type { constant, whole, interpolated, array, object };
  /// What the node renders.
  node_type type = node_type::constant;
  /// A constant value.
  nlohmann::json constant;
  /// The parts of a whole (one part, no text) or interpolated string.
  std::vector<template_part> parts;
  /// Elements of an array, or values of an object's members.
  std::vector<template_node> items;
  /// Keys of an object's members, parallel to `items`.
  std::vector<std::string> keys;
};

/// A parsed template and the value it came from.
struct template_tree {
  /// The JSON value the template was parsed from.
  nlohmann::json source;
  /// Its parsed form.
  template_node root;
};

/// Parses one string into parts; on failure the syntax error's offsets refer to `text`.
result<std::vector<template_part>, syntax_error> parse_template_string(const std::string& text,
                                                                       const limits& bounds);

}  // namespace auraos::runtime::expr
