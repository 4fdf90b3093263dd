#pragma once
// The test-only fault hook: a message that makes a runtime actor fail on purpose.

#include <caf/atom.hpp>
#include <caf/fwd.hpp>

namespace auraos::actors {

/// Asks an actor to fail with `injected_fault()`; honoured only with the test flag on.
using crash_atom = caf::atom_constant<caf::atom("crash")>;

/// The exit reason of an actor that received `crash_atom`.
caf::error injected_fault();

/// Returns `bhvr` plus a `crash_atom` handler that quits `self` with `injected_fault()`;
/// returns `bhvr` unchanged when `enabled` is false (production nodes).
caf::behavior with_fault_hook(caf::scheduled_actor* self, caf::behavior bhvr, bool enabled);

}  // namespace auraos::actors
