#include "node/engine_children.hpp"

#include "actors/timer_service.hpp"

#include <caf/actor_cast.hpp>
#include <caf/local_actor.hpp>

namespace auraos::node::detail {

std::vector<actors::child_spec> engine_children(std::shared_ptr<persistence::store> store,
                                                actors::executions_options options,
                                                std::shared_ptr<store_slot> slot) {
  actors::child_spec store_spec;
  store_spec.name = "store";
  store_spec.start = [store, slot](caf::local_actor* parent) {
    auto actor = actors::spawn_store_actor(parent->system(), store);
    slot->set(actor);
    return caf::actor_cast<caf::actor>(actor);
  };
  actors::timer_service_options timers{
      options.env, {{actors::execution_owner, actors::execution_timer_owner()}}};
  auto timers_spec = actors::timer_service_child(actors::store_actor{}, timers);
  timers_spec.start = [slot, timers](caf::local_actor* parent) {
    return actors::timer_service_child(slot->get(), timers).start(parent);
  };
  auto service_spec = actors::executions_service_child(actors::store_actor{}, options);
  service_spec.start = [slot, options](caf::local_actor* parent) {
    return actors::executions_service_child(slot->get(), options).start(parent);
  };
  return {std::move(store_spec), std::move(timers_spec), std::move(service_spec)};
}

}  // namespace auraos::node::detail
