#include "actors/supervision/service_subtree.hpp"

#include <caf/all.hpp>

#include "actors/supervision/supervisor.hpp"

namespace auraos::actors::supervision {

namespace sv = runtime::supervision;

caf::typed_response_promise<sv::supervision_tree_node> collect_service_subtree(
    caf::event_based_actor* self, const std::string& name, const caf::actor& supervisor) {
  auto promise = self->make_response_promise<sv::supervision_tree_node>();
  sv::supervision_tree_node node;
  node.name = name;
  node.kind = "service";
  self->request(supervisor, caf::infinite, tree_atom::value)
      .then(
          [promise, node](sv::supervision_tree_node& sub) mutable {
            node.children.push_back(std::move(sub));
            promise.deliver(std::move(node));
          },
          [promise](caf::error& error) mutable { promise.deliver(std::move(error)); });
  return promise;
}

}  // namespace auraos::actors::supervision
