// Top-level `connections`: each edge on its own.

#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;
using edge_key = std::tuple<std::string, std::string, edge_condition>;

std::optional<std::string> read_end(const scope& at, const json& value, const char* key,
                                    const std::vector<node>& nodes) {
  auto id = required_string(at, value, key);
  if (!id) return std::nullopt;
  bool known = std::any_of(nodes.begin(), nodes.end(), [&](const node& n) { return n.id == *id; });
  if (!known) at.report(key, "no node \"" + *id + "\"");
  return known ? id : std::nullopt;
}

edge_condition read_condition(const scope& at, const json& value) {
  auto on = one_of(at, value, "on", {"success", "error", "always"});
  if (on == "error") return edge_condition::error;
  return on == "always" ? edge_condition::always : edge_condition::success;
}

std::optional<connection> read_connection(const scope& at, const json& value,
                                          const std::vector<node>& nodes) {
  if (!expect(at, "", value, value.is_object(), "an object")) return std::nullopt;
  check_known_fields(at, value, {"from", "to", "when", "on"});
  auto from = read_end(at, value, "from", nodes);
  auto to = read_end(at, value, "to", nodes);
  connection edge;
  edge.on = read_condition(at, value);
  edge.when = read_expression(at, value, "when");
  if (!from || !to) return std::nullopt;
  edge.from = *from;
  edge.to = *to;
  if (edge.from == edge.to) at.report("", "connects node \"" + edge.from + "\" to itself");
  return edge;
}

}  // namespace

std::vector<connection> read_connections(const scope& root, const json& document,
                                         const std::vector<node>& nodes) {
  std::vector<connection> connections;
  const json* list = member(document, "connections");
  if (!list || !expect(root, "connections", *list, list->is_array(), "an array"))
    return connections;
  std::map<edge_key, std::size_t> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto location = "connections[" + std::to_string(i) + "]";
    auto at = root.element(location);
    auto edge = read_connection(at, (*list)[i], nodes);
    if (!edge) continue;
    auto [it, fresh] = seen.emplace(edge_key{edge->from, edge->to, edge->on}, i);
    if (!fresh)
      at.report("", "duplicate of connections[" + std::to_string(it->second) +
                        "] (same from, to and on)");
    connections.push_back(std::move(*edge));
  }
  return connections;
}

}  // namespace auraos::runtime::definition
