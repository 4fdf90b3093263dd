#pragma once
// The syntax tree of a parsed expression: immutable nodes shared between evaluations.
// Internal to runtime/expr (holds JSON literals by value, so it needs the full JSON header):
// included only by expr's own sources; other folders use expression.hpp and json_template.hpp.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/expr/function_table.hpp"

namespace auraos::runtime::expr {

/// What a syntax tree node computes.
enum class node_kind {
  literal,      ///< `value`
  identifier,   ///< top-level name `name`
  select,       ///< children[0].name
  index,        ///< children[0][children[1]]
  has,          ///< has(children[0].name)
  call,         ///< function `name` applied to children (a method's receiver first)
  unary,        ///< `name` (! or -) applied to children[0]
  binary,       ///< children[0] `name` children[1]
  logical_and,  ///< children[0] && children[1]
  logical_or,   ///< children[0] || children[1]
  conditional,  ///< children[0] ? children[1] : children[2]
  list,         ///< [children...]
  map,          ///< {children[0]: children[1], ...}
};

struct ast_node;
/// Nodes are shared and never modified after parsing.
using node_ptr = std::shared_ptr<const ast_node>;

/// One node of the syntax tree.
struct ast_node {
  /// What it computes.
  node_kind kind = node_kind::literal;
  /// Byte offset in the source where it starts (for messages).
  std::size_t offset = 0;
  /// Identifier, field, function or operator name.
  std::string name;
  /// Value of a literal.
  nlohmann::json value;
  /// Operands, in source order.
  std::vector<node_ptr> children;
  /// The function of a `call` node.
  function_id function = function_id::size;
  /// Height of the subtree rooted here (a leaf has depth 1).
  std::size_t depth = 1;
};

}  // namespace auraos::runtime::expr
