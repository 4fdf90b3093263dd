#pragma once
// POST /api/v1/_test/crash/{name}: test nodes only; makes the named runtime actor fail from
// outside, so no actor's interface carries a test-only message.

#include <memory>

#include "gateway/node_context.hpp"
#include "gateway/router.hpp"

namespace auraos::gateway {

/// Adds the crash route: finds `name` in the supervision tree, walks to it through its
/// supervisors and sends it an exit with reason `injected fault (test route)` (an actor that
/// traps exits, a supervisor or the executions service, stops its children first and then
/// ends with that reason); 202 `{"crashed": name}`, 404 for an unknown name. The node assembly
/// adds it only with `--test-faults`.
void add_test_fault_route(router& routes, std::shared_ptr<node_context> node);

}  // namespace auraos::gateway
