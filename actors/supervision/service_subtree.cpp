#include "actors/supervision/service_subtree.hpp"

#include <memory>
#include <optional>

#include <caf/all.hpp>

#include "actors/supervision/supervisor.hpp"

namespace auraos::actors::supervision {

namespace sv = runtime::supervision;

namespace {

/// The answers gathered so far; the node is delivered when the last one arrived.
struct gathering {
  sv::supervision_tree_node node;
  std::vector<std::optional<sv::supervision_tree_node>> parts;
  std::size_t missing = 0;
  bool failed = false;
};

}  // namespace

caf::typed_response_promise<sv::supervision_tree_node> collect_service_subtree(
    caf::event_based_actor* self, const std::string& name, std::vector<caf::actor> subtrees) {
  auto promise = self->make_response_promise<sv::supervision_tree_node>();
  auto state = std::make_shared<gathering>();
  state->node.name = name;
  state->node.kind = "service";
  std::erase_if(subtrees, [](const caf::actor& a) { return !a; });
  state->parts.resize(subtrees.size());
  state->missing = subtrees.size();
  if (subtrees.empty()) {
    promise.deliver(std::move(state->node));
    return promise;
  }
  for (std::size_t i = 0; i < subtrees.size(); ++i)
    self->request(subtrees[i], caf::infinite, tree_atom::value)
        .then(
            [promise, state, i](sv::supervision_tree_node& sub) mutable {
              if (state->failed) return;
              state->parts[i] = std::move(sub);
              if (--state->missing > 0) return;
              for (auto& part : state->parts) state->node.children.push_back(std::move(*part));
              promise.deliver(std::move(state->node));
            },
            [promise, state](caf::error& error) mutable {
              if (state->failed) return;
              state->failed = true;
              promise.deliver(std::move(error));
            });
  return promise;
}

caf::typed_response_promise<sv::supervision_tree_node> collect_service_subtree(
    caf::event_based_actor* self, const std::string& name, const caf::actor& supervisor) {
  return collect_service_subtree(self, name, std::vector<caf::actor>{supervisor});
}

}  // namespace auraos::actors::supervision
