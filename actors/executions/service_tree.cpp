// The executions service's place in the supervision tree: its execution supervisor below it.
#include <caf/all.hpp>

#include "actors/executions/service_state.hpp"
#include "actors/supervision/service_subtree.hpp"

namespace auraos::actors::executions::detail {

namespace sv = runtime::supervision;

caf::typed_response_promise<sv::supervision_tree_node> collect_service_tree(service_actor* self) {
  return supervision::collect_service_subtree(self, service_state::name, self->state.supervisor);
}

caf::result<caf::actor> service_child(service_actor* self, const std::string& name) {
  if (name == "executions" && self->state.supervisor) return self->state.supervisor;
  return caf::make_error(caf::sec::runtime_error,
                         std::string{service_state::name} + " has no child named '" + name + "'");
}

}  // namespace auraos::actors::executions::detail
