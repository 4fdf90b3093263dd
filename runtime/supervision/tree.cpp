#include "runtime/supervision/tree.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::supervision {

std::string_view to_string(child_status s) {
  switch (s) {
    case child_status::running:
      return "running";
    case child_status::restarting:
      return "restarting";
    case child_status::stopping:
      return "stopping";
    case child_status::stopped:
      break;
  }
  return "stopped";
}

namespace {

nlohmann::json intensity_json(const std::optional<intensity_view>& intensity) {
  if (!intensity) return nullptr;
  return {{"maxRestarts", intensity->max_restarts},
          {"periodMs", intensity->period_ms},
          {"recentRestarts", intensity->recent_restarts}};
}

}  // namespace

nlohmann::json to_json(const supervision_tree_node& node) {
  auto children = nlohmann::json::array();
  for (const auto& child : node.children) children.push_back(to_json(child));
  return {
      {"name", node.name},
      {"kind", node.kind},
      {"strategy", node.strategy ? nlohmann::json(*node.strategy) : nlohmann::json(nullptr)},
      {"status", std::string{to_string(node.status)}},
      {"restarts", node.restarts},
      {"lastFailure",
       node.last_failure ? nlohmann::json(*node.last_failure) : nlohmann::json(nullptr)},
      {"intensity", intensity_json(node.intensity)},
      {"children", std::move(children)},
  };
}

const supervision_tree_node* find_node(const supervision_tree_node& node, const std::string& name) {
  if (node.name == name) return &node;
  for (const auto& child : node.children)
    if (auto* found = find_node(child, name)) return found;
  return nullptr;
}

}  // namespace auraos::runtime::supervision
