// The graph as a whole: acyclic, and every node reachable from a start node.

#include <deque>
#include <map>

#include "runtime/definition/rules.hpp"

namespace auraos::runtime::definition {
namespace {

using adjacency = std::vector<std::vector<std::size_t>>;

adjacency build_graph(const std::vector<node>& nodes, const std::vector<connection>& connections) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < nodes.size(); ++i) index.emplace(nodes[i].id, i);
  adjacency next(nodes.size());
  for (const auto& edge : connections) {
    if (edge.from == edge.to) continue;  // reported on its own
    auto from = index.find(edge.from), to = index.find(edge.to);
    if (from != index.end() && to != index.end()) next[from->second].push_back(to->second);
  }
  return next;
}

std::string describe_cycle(const std::vector<node>& nodes, const std::vector<std::size_t>& path,
                           std::size_t start) {
  std::string text;
  bool on_cycle = false;
  for (auto i : path) {
    on_cycle = on_cycle || i == start;
    if (on_cycle) text += nodes[i].id + " -> ";
  }
  return "cycle: " + text + nodes[start].id;
}

/// Iterative depth-first search; reports one cycle per back edge.
void find_cycles(const scope& root, const std::vector<node>& nodes, const adjacency& next) {
  enum class mark { unseen, open, done };
  std::vector<mark> marks(nodes.size(), mark::unseen);
  for (std::size_t origin = 0; origin < nodes.size(); ++origin) {
    if (marks[origin] != mark::unseen) continue;
    std::vector<std::size_t> path{origin}, cursor{0};
    marks[origin] = mark::open;
    while (!path.empty()) {
      auto current = path.back();
      if (cursor.back() == next[current].size()) {
        marks[current] = mark::done;
        path.pop_back();
        cursor.pop_back();
        continue;
      }
      auto target = next[current][cursor.back()++];
      if (marks[target] == mark::open)
        root.report("connections", describe_cycle(nodes, path, target));
      if (marks[target] != mark::unseen) continue;
      marks[target] = mark::open;
      path.push_back(target);
      cursor.push_back(0);
    }
  }
}

std::vector<bool> reachable(const adjacency& next) {
  std::vector<std::size_t> incoming(next.size(), 0);
  for (const auto& targets : next)
    for (auto target : targets) ++incoming[target];
  std::vector<bool> seen(next.size(), false);
  std::deque<std::size_t> queue;
  for (std::size_t i = 0; i < next.size(); ++i)
    if (incoming[i] == 0) queue.push_back(i), seen[i] = true;
  for (; !queue.empty(); queue.pop_front())
    for (auto target : next[queue.front()])
      if (!seen[target]) queue.push_back(target), seen[target] = true;
  return seen;
}

}  // namespace

void check_graph(const scope& root, const std::vector<node>& nodes,
                 const std::vector<connection>& connections) {
  auto next = build_graph(nodes, connections);
  find_cycles(root, nodes, next);
  auto seen = reachable(next);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!seen[i])
      root.element("nodes[" + std::to_string(i) + "]", nodes[i].id)
          .report("", "not reachable from a start node (a node without incoming connections)");
  }
}

}  // namespace auraos::runtime::definition
