// Building the causation forest of correlated events without recursion over the input.

#include "runtime/events/correlation_tree.hpp"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events {
namespace {

using child_map = std::map<std::string, std::vector<std::size_t>>;

/// Builds the subtree of events[root] (children by index), marking each event placed.
correlation_node grow(const std::vector<event>& events, const child_map& children,
                      std::size_t root, std::vector<bool>& placed) {
  correlation_node top{events[root].id, {}};
  placed[root] = true;
  // Explicit stack of (node, index of its event) so a long causation chain cannot overflow.
  std::vector<std::pair<correlation_node*, std::size_t>> pending{{&top, root}};
  while (!pending.empty()) {
    auto [node, index] = pending.back();
    pending.pop_back();
    auto found = children.find(events[index].id);
    if (found == children.end()) continue;
    for (auto child : found->second)
      if (!placed[child]) {
        placed[child] = true;
        node->children.push_back({events[child].id, {}});
      }
    std::size_t next = 0;
    for (auto child : found->second)
      if (next < node->children.size() && node->children[next].id == events[child].id)
        pending.emplace_back(&node->children[next++], child);
  }
  return top;
}

}  // namespace

std::vector<correlation_node> correlation_tree(const std::vector<event>& events) {
  std::set<std::string> ids;
  for (const auto& e : events) ids.insert(e.id);
  child_map children;
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& cause = events[i].causation_id;
    if (cause && *cause != events[i].id && ids.count(*cause))
      children[*cause].push_back(i);
    else
      roots.push_back(i);
  }
  std::vector<bool> placed(events.size(), false);
  std::vector<correlation_node> forest;
  for (auto root : roots)
    if (!placed[root]) forest.push_back(grow(events, children, root, placed));
  // What no root reached lies on a causation cycle: its earliest event starts a tree.
  for (std::size_t i = 0; i < events.size(); ++i)
    if (!placed[i]) forest.push_back(grow(events, children, i, placed));
  return forest;
}

nlohmann::json correlation_tree_json(const std::vector<correlation_node>& roots) {
  auto out = nlohmann::json::array();
  for (const auto& node : roots)
    out.push_back({{"id", node.id}, {"children", correlation_tree_json(node.children)}});
  return out;
}

}  // namespace auraos::runtime::events
