#include "runtime/definition/node_types.hpp"

#include <array>

namespace auraos::runtime::definition {
namespace {

constexpr std::array all_types{
    node_type::shell,      node_type::http,          node_type::transform,   node_type::delay,
    node_type::wait_event, node_type::publish_event, node_type::subworkflow, node_type::task,
    node_type::decision,   node_type::fail,          node_type::noop};

}  // namespace

std::optional<node_type> parse_node_type(std::string_view name) {
  for (auto type : all_types)
    if (to_string(type) == name) return type;
  return std::nullopt;
}

std::string known_node_types() {
  std::string list;
  for (auto type : all_types) list += (list.empty() ? "" : ", ") + std::string{to_string(type)};
  return list;
}

std::optional<std::string> unavailable_reason(node_type type) {
  std::string needs;
  switch (type) {
    case node_type::decision:
      needs = "the decision engine";
      break;
    default:
      return std::nullopt;
  }
  return "node type \"" + std::string{to_string(type)} +
         "\" is not available in this version (it needs " + needs + ")";
}

}  // namespace auraos::runtime::definition
