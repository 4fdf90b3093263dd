// Top-level `nodes`: the fields every node has.

#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/node_types.hpp"
#include "runtime/definition/rules.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;

std::string node_location(std::size_t index) {
  return "nodes[" + std::to_string(index) + "]";
}

void read_id(const scope& at, const json& value, node& n, std::map<std::string, std::size_t>& seen,
             std::size_t index) {
  auto id = required_string(at, value, "id");
  if (!id) return;
  static const std::regex identifier{"[A-Za-z_][A-Za-z0-9_-]*"};
  if (!std::regex_match(*id, identifier))
    at.report("id", "must match [A-Za-z_][A-Za-z0-9_-]*");
  else if (auto [it, fresh] = seen.emplace(*id, index); !fresh)
    at.report("id", "duplicate node id (also " + node_location(it->second) + ")");
  n.id = *id;
}

void read_position(const scope& at, const json& value) {
  const json* position = member(value, "position");
  if (!position || !expect(at, "position", *position, position->is_object(), "an object")) return;
  auto inner = at.field("position");
  check_known_fields(inner, *position, {"x", "y"});
  for (const char* axis : {"x", "y"}) {
    const json* coordinate = member(*position, axis);
    if (!coordinate)
      inner.report(axis, "required");
    else
      expect(inner, axis, *coordinate, coordinate->is_number(), "a number");
  }
}

void read_common(const scope& at, const json& value, node& n) {
  if (auto name = optional_string(at, value, "name")) n.name = *name;
  n.timeout_seconds = positive_number(at, value, "timeoutSeconds");
  if (auto join = one_of(at, value, "join", {"all-settled", "all", "any"}))
    n.join = *join == "all"   ? join_mode::all
             : *join == "any" ? join_mode::any
                              : join_mode::all_settled;
  if (const json* retry = member(value, "retry"))
    n.retry = read_retry_policy(at.field("retry"), *retry);
  read_position(at, value);
}

void read_type_and_config(const scope& at, const json& value, node& n) {
  std::optional<node_type> type;
  if (auto spelled = required_string(at, value, "type")) {
    type = parse_node_type(*spelled);
    if (!type)
      at.report("type",
                "unknown node type \"" + *spelled + "\" (known: " + known_node_types() + ")");
    else if (auto reason = unavailable_reason(*type))
      at.report("type", *reason);
  }
  const json* config = member(value, "config");
  if (config && !expect(at, "config", *config, config->is_object(), "an object")) return;
  json config_value = config ? *config : json::object();
  if (type) {
    n.type = *type;
    check_config(at.field("config"), *type, config_value);
  }
  if (auto parsed = read_template(at, "config", config_value)) n.config = std::move(*parsed);
}

node read_node(const scope& element, const json& value, std::map<std::string, std::size_t>& seen,
               std::size_t index) {
  node n;
  const json* id = member(value, "id");
  auto at = id && id->is_string() ? element.element(node_location(index), id->get<std::string>())
                                  : element.element(node_location(index));
  if (!expect(at, "", value, value.is_object(), "an object")) return n;
  check_known_fields(
      at, value, {"id", "type", "name", "config", "retry", "timeoutSeconds", "join", "position"});
  read_id(at, value, n, seen, index);
  read_common(at, value, n);
  read_type_and_config(at, value, n);
  return n;
}

}  // namespace

std::vector<node> read_nodes(const scope& root, const json& document) {
  std::vector<node> nodes;
  const json* list = member(document, "nodes");
  if (!list) {
    root.report("nodes", "required");
    return nodes;
  }
  if (!expect(root, "nodes", *list, list->is_array(), "an array")) return nodes;
  if (list->empty()) root.report("nodes", "must hold at least one node");
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < list->size(); ++i)
    nodes.push_back(read_node(root, (*list)[i], seen, i));
  return nodes;
}

}  // namespace auraos::runtime::definition
