#include "node/engine_children.hpp"

#include "actors/events/retention_actor.hpp"
#include "actors/secrets/key_rotation.hpp"
#include "actors/tasks/scheduler.hpp"
#include "actors/timers/timer_service.hpp"

#include <caf/actor_cast.hpp>
#include <caf/local_actor.hpp>

namespace auraos::node::detail {

namespace {

/// The key rotation of the secrets at rest, over the store child's current actor.
actors::supervision::child_spec rotation_child(
    const std::shared_ptr<store_slot>& slot, const actors::executions::executions_options& options) {
  actors::secrets::key_rotation_options rotation{options.env, options.secret_keys};
  auto spec = actors::secrets::key_rotation_child(actors::store::store_actor{}, rotation);
  spec.start = [slot, rotation](caf::local_actor* parent) {
    return actors::secrets::key_rotation_child(slot->get(), rotation).start(parent);
  };
  return spec;
}

}  // namespace

std::vector<actors::supervision::child_spec> engine_children(
    std::shared_ptr<persistence::store> store, actors::executions::executions_options options,
    actors::events::events_options events, actors::tasks::tasks_options tasks,
    std::shared_ptr<store_slot> slot,
    std::shared_ptr<actors::store::commit_listener> listener) {
  actors::supervision::child_spec store_spec;
  store_spec.name = "store";
  store_spec.start = [store, slot, listener](caf::local_actor* parent) {
    auto actor = actors::store::spawn_store_actor(parent->system(), store, listener);
    slot->set(actor);
    return caf::actor_cast<caf::actor>(actor);
  };
  actors::timers::timer_service_options timers{
      options.env,
      {{actors::timers::execution_owner, actors::executions::execution_timer_owner()}},
      options.clustered};
  auto timers_spec = actors::timers::timer_service_child(actors::store::store_actor{}, timers);
  timers_spec.start = [slot, timers](caf::local_actor* parent) {
    return actors::timers::timer_service_child(slot->get(), timers).start(parent);
  };
  auto events_spec = actors::events::events_service_child(actors::store::store_actor{}, events);
  events_spec.start = [slot, events](caf::local_actor* parent) {
    return actors::events::events_service_child(slot->get(), events).start(parent);
  };
  actors::events::retention_options retention;
  retention.env = events.env;
  retention.interval = events.retention_interval;
  auto retention_spec =
      actors::events::retention_child(actors::store::store_actor{}, retention);
  retention_spec.start = [slot, retention](caf::local_actor* parent) {
    return actors::events::retention_child(slot->get(), retention).start(parent);
  };
  auto service_spec =
      actors::executions::executions_service_child(actors::store::store_actor{}, options);
  service_spec.start = [slot, options](caf::local_actor* parent) {
    return actors::executions::executions_service_child(slot->get(), options).start(parent);
  };
  auto tasks_spec = actors::tasks::tasks_service_child(actors::store::store_actor{}, tasks);
  tasks_spec.start = [slot, tasks](caf::local_actor* parent) {
    return actors::tasks::tasks_service_child(slot->get(), tasks).start(parent);
  };
  auto scheduler_spec =
      actors::tasks::scheduler_child(actors::store::store_actor{}, tasks.env, tasks.clustered);
  scheduler_spec.start = [slot, tasks](caf::local_actor* parent) {
    return actors::tasks::scheduler_child(slot->get(), tasks.env, tasks.clustered).start(parent);
  };
  // The task pool and scheduler start before the executions service: in a cluster they hear of
  // the shards it acquires at its start (and reach it through the registry when they need it).
  std::vector<actors::supervision::child_spec> children{
      std::move(store_spec),     std::move(timers_spec), std::move(events_spec),
      std::move(retention_spec), std::move(tasks_spec),  std::move(scheduler_spec),
      std::move(service_spec)};
  if (options.secret_keys) children.push_back(rotation_child(slot, options));
  return children;
}

}  // namespace auraos::node::detail
