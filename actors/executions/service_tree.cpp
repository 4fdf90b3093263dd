// The executions service's place in the supervision tree: its execution supervisor below it.
#include <caf/all.hpp>

#include "actors/executions/service_state.hpp"

namespace auraos::actors::executions::detail {

namespace sv = runtime::supervision;

caf::typed_response_promise<sv::supervision_tree_node> collect_service_tree(service_actor* self) {
  auto promise = self->make_response_promise<sv::supervision_tree_node>();
  sv::supervision_tree_node node;
  node.name = service_state::name;
  node.kind = "service";
  self->request(self->state.supervisor, caf::infinite, supervision::tree_atom::value)
      .then(
          [promise, node](sv::supervision_tree_node& sub) mutable {
            node.children.push_back(std::move(sub));
            promise.deliver(std::move(node));
          },
          [promise](caf::error& error) mutable { promise.deliver(std::move(error)); });
  return promise;
}

caf::result<caf::actor> service_child(service_actor* self, const std::string& name) {
  if (name == "executions" && self->state.supervisor) return self->state.supervisor;
  return caf::make_error(caf::sec::runtime_error,
                         std::string{service_state::name} + " has no child named '" + name + "'");
}

}  // namespace auraos::actors::executions::detail
