#pragma once
// POST /api/v1/_test/crash/{name}: test nodes only; makes the named runtime actor fail.

#include <memory>

#include "gateway/node_context.hpp"
#include "gateway/router.hpp"

namespace auraos::gateway {

/// Adds the crash route: finds `name` in the supervision tree, walks to it through its
/// supervisors and sends it `crash_atom`; 202 `{"crashed": name}`, 404 for an unknown name.
void add_test_fault_route(router& routes, std::shared_ptr<node_context> node);

}  // namespace auraos::gateway
