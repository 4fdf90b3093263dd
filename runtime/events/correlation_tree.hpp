#pragma once
// The causation tree of a correlation (`GET /api/v1/events/correlations/{id}`): each event
// under the event that caused it.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"

namespace auraos::runtime::events {

/// One event of the tree and the events it caused, in time order.
struct correlation_node {
  std::string id;                          ///< The event's id.
  std::vector<correlation_node> children;  ///< Events whose causationId is this id.
  /// Equal when the whole subtrees are.
  bool operator==(const correlation_node&) const = default;
};

/// The forest of `events` (in time order): roots are events whose causationId is absent,
/// outside the set, or part of a causation cycle (then the earliest of the cycle); children
/// keep the order of `events`. Every event appears once.
std::vector<correlation_node> correlation_tree(const std::vector<event>& events);

/// `[{id, children: [...]}]`.
nlohmann::json correlation_tree_json(const std::vector<correlation_node>& roots);

}  // namespace auraos::runtime::events
