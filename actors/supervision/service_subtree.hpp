#pragma once
// A service's place in the supervision tree when it owns dynamic supervisors of its own
// (the executions service's execution actors, the events service's stream and pattern actors).

#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "runtime/supervision/tree.hpp"

namespace auraos::actors::supervision {

/// Answers `tree_atom` for a service named `name`: a node of kind "service" whose children are
/// the subtrees of `subtrees` (each asked now with `tree_atom`), in that order.
caf::typed_response_promise<runtime::supervision::supervision_tree_node> collect_service_subtree(
    caf::event_based_actor* self, const std::string& name, std::vector<caf::actor> subtrees);

/// As above for a service that owns one supervisor.
caf::typed_response_promise<runtime::supervision::supervision_tree_node> collect_service_subtree(
    caf::event_based_actor* self, const std::string& name, const caf::actor& supervisor);

}  // namespace auraos::actors::supervision
