#include "actors/fault_hook.hpp"

#include <string>

#include <caf/behavior.hpp>
#include <caf/detail/behavior_impl.hpp>
#include <caf/error.hpp>
#include <caf/scheduled_actor.hpp>
#include <caf/sec.hpp>

namespace auraos::actors {

caf::error injected_fault() {
  return caf::make_error(caf::sec::runtime_error, std::string{"injected fault (crash_atom)"});
}

caf::behavior with_fault_hook(caf::scheduled_actor* self, caf::behavior bhvr, bool enabled) {
  if (!enabled) return bhvr;
  caf::behavior hook{[self](crash_atom) { self->quit(injected_fault()); }};
  caf::behavior combined;
  combined.assign(bhvr.as_behavior_impl()->or_else(hook.as_behavior_impl()));
  return combined;
}

}  // namespace auraos::actors
