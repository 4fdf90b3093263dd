#include <memory>
#include <utility>

#include <caf/all.hpp>

#include "actors/supervision/supervisor_state.hpp"

namespace auraos::actors::supervision::detail {
namespace sv = runtime::supervision;

namespace {

/// Gathers the subtrees of child supervisors, then delivers the whole node once.
struct tree_collector {
  sv::supervision_tree_node node;
  caf::typed_response_promise<sv::supervision_tree_node> promise;
  std::size_t pending = 0;

  void finish_one() {
    if (--pending == 0) promise.deliver(std::move(node));
  }

  void merge(std::size_t index, sv::supervision_tree_node sub) {
    node.children[index].strategy = std::move(sub.strategy);
    node.children[index].intensity = sub.intensity;
    node.children[index].children = std::move(sub.children);
    finish_one();
  }
};

sv::supervision_tree_node own_node(supervisor_actor* self) {
  auto& st = self->state;
  sv::supervision_tree_node node;
  node.name = st.config.name;
  node.kind = "supervisor";
  node.strategy = std::string{sv::to_string(st.config.strategy)};
  node.status = st.stopping ? sv::child_status::stopping : sv::child_status::running;
  if (st.intensity) {
    const auto& limit = st.intensity->limit();
    node.intensity = sv::intensity_view{limit.max_restarts, limit.period.count(),
                                        st.intensity->recent_restarts()};
  }
  for (const auto& kid : *st.children)
    node.children.push_back({kid.spec.name,
                             kid.spec.kind,
                             std::nullopt,
                             kid.status,
                             kid.restarts,
                             kid.last_failure,
                             {},
                             std::nullopt});
  return node;
}

bool answers_tree(const child_record& kid) {
  return (kid.spec.kind == "supervisor" || kid.spec.has_subtree) && kid.handle &&
         kid.status == sv::child_status::running;
}

}  // namespace

caf::typed_response_promise<sv::supervision_tree_node> collect_tree(supervisor_actor* self) {
  auto collector = std::make_shared<tree_collector>();
  collector->node = own_node(self);
  collector->promise = self->make_response_promise<sv::supervision_tree_node>();
  const auto& kids = *self->state.children;
  collector->pending = 1;
  for (std::size_t i = 0; i < kids.size(); ++i) {
    if (!answers_tree(kids[i])) continue;
    ++collector->pending;
    self->request(kids[i].handle, self->state.config.tree_timeout, tree_atom::value)
        .then(
            [collector, i](sv::supervision_tree_node& sub) { collector->merge(i, std::move(sub)); },
            [collector](caf::error&) { collector->finish_one(); });
  }
  auto promise = collector->promise;
  collector->finish_one();
  return promise;
}

}  // namespace auraos::actors::supervision::detail
