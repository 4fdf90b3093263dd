#pragma once
// A snapshot of a live supervision subtree, as served by GET /api/v1/supervision.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace auraos::runtime::supervision {

/// What a child is doing right now.
enum class child_status {
  running,     ///< alive
  restarting,  ///< ended, waiting for its restart (backoff or siblings stopping)
  stopping,    ///< asked to stop, its exit not yet seen
  stopped,     ///< ended and not restarted
};

/// The name of a status in the tree JSON.
std::string_view to_string(child_status s);

/// A supervisor's restart intensity: its limit and how much of it the window holds now.
struct intensity_view {
  /// Restarts allowed inside one window.
  std::size_t max_restarts = 0;
  /// Length of the sliding window in milliseconds.
  std::int64_t period_ms = 0;
  /// Restarts of its children inside the current window.
  std::size_t recent_restarts = 0;
};

/// One supervisor or child in the snapshot, with its own subtree.
struct supervision_tree_node {
  /// The child's name, unique among its siblings.
  std::string name;
  /// What it is: "supervisor", "service", "execution", ...
  std::string kind;
  /// The supervisor's strategy; nullopt for workers.
  std::optional<std::string> strategy;
  /// The current status.
  child_status status = child_status::running;
  /// How often its supervisor restarted it.
  std::size_t restarts = 0;
  /// The textual exit reason of its last abnormal exit, if any.
  std::optional<std::string> last_failure;
  /// Its children in start order (empty for workers).
  std::vector<supervision_tree_node> children;
  /// A supervisor's restart intensity; nullopt for workers.
  std::optional<intensity_view> intensity = std::nullopt;
};

/// `{name, kind, strategy, status, restarts, lastFailure, intensity, children}`, nulls for
/// absent values; intensity is `{maxRestarts, periodMs, recentRestarts}`.
nlohmann::json to_json(const supervision_tree_node& node);

/// The node named `name` among `node` and its descendants (depth first); null when absent.
const supervision_tree_node* find_node(const supervision_tree_node& node, const std::string& name);

}  // namespace auraos::runtime::supervision
