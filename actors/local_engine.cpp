// The engine in one process: store and executions service under one supervisor.
#include "actors/local_engine.hpp"

#include <mutex>
#include <thread>

#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/local_actor.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>

#include "actors/actor_system_setup.hpp"
#include "actors/timer_service.hpp"

namespace auraos::actors {

namespace p = persistence;
namespace sv = runtime::supervision;

namespace detail {

/// The store actor of the current store child, read by the service child at every start.
class store_slot {
 public:
  /// Records the store actor of a (re)started store child.
  void set(store_actor actor) {
    std::lock_guard lock(mutex_);
    store_ = std::move(actor);
  }
  /// The current store actor (null before the first start).
  store_actor get() {
    std::lock_guard lock(mutex_);
    return store_;
  }

 private:
  std::mutex mutex_;
  store_actor store_;
};

}  // namespace detail

namespace {

/// Polls `get` every 5 ms until it yields a handle or `wait` passed.
template <class Get>
auto poll(Get get, std::chrono::milliseconds wait) {
  auto until = std::chrono::steady_clock::now() + wait;
  auto found = get();
  while (!found && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    found = get();
  }
  return found;
}

}  // namespace

std::vector<child_spec> engine_children(std::shared_ptr<p::store> store, executions_options options,
                                        store_started_fn on_store_started) {
  auto current = std::make_shared<detail::store_slot>();
  child_spec store_spec;
  store_spec.name = "store";
  store_spec.start = [store, current, on_store_started,
                      faults = options.test_faults](caf::local_actor* parent) {
    auto actor = spawn_store_actor(parent->system(), store, faults);
    current->set(actor);
    if (on_store_started) on_store_started(actor);
    return caf::actor_cast<caf::actor>(actor);
  };
  timer_service_options timers{options.env, {{execution_owner, execution_timer_owner()}}};
  auto timers_spec = timer_service_child(store_actor{}, timers);
  timers_spec.start = [current, timers](caf::local_actor* parent) {
    return timer_service_child(current->get(), timers).start(parent);
  };
  auto service_spec = executions_service_child(store_actor{}, options);
  service_spec.start = [current, options](caf::local_actor* parent) {
    return executions_service_child(current->get(), options).start(parent);
  };
  return {std::move(store_spec), std::move(timers_spec), std::move(service_spec)};
}

local_engine::local_engine(std::shared_ptr<p::store> store, executions_options options,
                           int scheduler_threads)
    : runtime_(std::make_unique<actor_runtime>(scheduler_threads)),
      store_(std::make_shared<detail::store_slot>()) {
  supervisor_config node;
  node.name = "node";
  node.strategy = sv::strategy::rest_for_one;
  node.intensity = sv::node_intensity;
  node.env = options.env;
  node.children = engine_children(std::move(store), std::move(options),
                                  [slot = store_](store_actor s) { slot->set(std::move(s)); });
  supervisor_ = spawn_supervisor(runtime_->system(), std::move(node));
}

local_engine::~local_engine() {
  stop();
}

void local_engine::stop() {
  if (!runtime_) return;
  caf::anon_send_exit(supervisor_, caf::exit_reason::user_shutdown);
  {
    caf::scoped_actor self{runtime_->system()};
    self->wait_for(supervisor_);
  }
  supervisor_ = nullptr;
  store_->set(store_actor{});
  runtime_.reset();
}

caf::actor_system& local_engine::system() {
  return runtime_->system();
}

store_actor local_engine::store() {
  return poll([this] { return store_->get(); }, std::chrono::seconds(10));
}

caf::actor local_engine::supervisor() const {
  return supervisor_;
}

caf::actor local_engine::service(std::chrono::milliseconds wait) {
  auto& registry = system().registry();
  return poll(
      [&registry] { return caf::actor_cast<caf::actor>(registry.get(executions_registry_name)); },
      wait);
}

p::store_result<p::workflow_record> local_engine::put_workflow(p::workflow_draft draft) {
  caf::scoped_actor self{system()};
  p::store_result<p::workflow_record> out = p::store_fail(p::store_errc::unavailable, "no reply");
  self->request(store(), caf::infinite, p::write_request{{p::put_workflow_op{std::move(draft)}}})
      .receive(
          [&](p::write_outcome& outcome) {
            if (!outcome)
              out = fail(std::move(outcome).error());
            else
              out = std::get<p::workflow_record>(outcome->at(0));
          },
          [&](caf::error& e) {
            out = p::store_fail(p::store_errc::unavailable,
                                "put_workflow: " + self->system().render(e));
          });
  return out;
}

}  // namespace auraos::actors
