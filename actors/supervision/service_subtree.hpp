#pragma once
// A service's place in the supervision tree when it owns one dynamic supervisor of its own
// (the executions service's execution actors, the events service's stream actors).

#include <string>

#include <caf/actor.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "runtime/supervision/tree.hpp"

namespace auraos::actors::supervision {

/// Answers `tree_atom` for a service named `name`: a node of kind "service" whose one child is
/// the subtree of `supervisor` (asked now).
caf::typed_response_promise<runtime::supervision::supervision_tree_node> collect_service_subtree(
    caf::event_based_actor* self, const std::string& name, const caf::actor& supervisor);

}  // namespace auraos::actors::supervision
