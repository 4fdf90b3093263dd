#include "node/local_node.hpp"

#include <atomic>
#include <csignal>
#include <thread>

#include <spdlog/spdlog.h>
#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>

#include "node/actor_system_setup.hpp"
#include "node/engine_children.hpp"
#include "runtime/crypto/secret_keys.hpp"
#include "node/store_slot.hpp"

namespace auraos::node {

namespace p = persistence;
namespace sv = runtime::supervision;

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

local_node::local_node(node_settings settings)
    : runtime_(std::make_unique<actor_runtime>(settings.scheduler_threads, settings.transport)),
      store_(std::make_shared<detail::store_slot>()),
      on_stop_signal_(std::move(settings.on_stop_signal)) {
  actors::supervision::supervisor_config root;
  root.name = "node";
  // Later children hold the store handle: a store restart restarts them too.
  root.strategy = sv::strategy::rest_for_one;
  root.intensity = settings.intensity;
  auto env = actors::env_or_real(std::move(settings.env));
  root.env = env;
  root.on_change = settings.on_tree_change;
  settings.executions.env = env;
  settings.executions.on_tree_change = settings.on_tree_change;
  // One key ring for every incarnation of the services (none given: a key of this process).
  if (!settings.executions.secret_keys)
    settings.executions.secret_keys = runtime::crypto::secret_keys::ephemeral();
  settings.tasks.secret_keys = settings.executions.secret_keys;
  settings.events.env = env;
  settings.tasks.env = env;
  root.children = detail::engine_children(
      std::move(settings.store), std::move(settings.executions), std::move(settings.events),
      std::move(settings.tasks), store_, std::move(settings.commit_listener));
  for (auto& part : settings.parts) root.children.push_back(part(*this));
  root_ = actors::supervision::spawn_supervisor(runtime_->system(), std::move(root));
}

local_node::~local_node() {
  stop();
}

void local_node::stop() {
  if (!runtime_) return;
  caf::anon_send_exit(root_, caf::exit_reason::user_shutdown);
  {
    caf::scoped_actor self{runtime_->system()};
    self->wait_for(root_);
  }
  root_ = nullptr;
  store_->set(actors::store::store_actor{});
  runtime_.reset();
}

bool local_node::run_until_stop_signal() {
  std::atomic<bool> requested{false};
  std::atomic<bool> ended{false};
  std::thread waiter{[&] {
    int signal = 0;
    while (!ended && signal == 0) signal = wait_stop_signal(100);
    if (signal == 0) return;
    requested = true;
    spdlog::info("received {}: stopping the supervision tree",
                 signal == SIGINT ? "SIGINT" : "SIGTERM");
    if (on_stop_signal_) on_stop_signal_();
    caf::anon_send_exit(root_, caf::exit_reason::user_shutdown);
  }};
  caf::scoped_actor self{system()};
  self->monitor(root_);
  caf::error reason;
  self->receive([&](caf::down_msg& down) { reason = down.reason; });
  ended = true;
  waiter.join();
  if (!requested) spdlog::error("the node supervisor ended: {}", system().render(reason));
  return requested;
}

caf::actor_system& local_node::system() {
  return runtime_->system();
}

caf::actor local_node::root() const {
  return root_;
}

actors::store::store_actor local_node::store(std::chrono::milliseconds wait) {
  return poll([this] { return store_->get(); }, wait);
}

void local_node::on_store_started(std::function<void(actors::store::store_actor)> listener) {
  store_->listen(std::move(listener));
}

caf::actor local_node::executions(std::chrono::milliseconds wait) {
  auto& registry = system().registry();
  return poll(
      [&registry] {
        return caf::actor_cast<caf::actor>(
            registry.get(actors::executions::executions_registry_name));
      },
      wait);
}

p::store_result<p::workflow_record> local_node::put_workflow(p::workflow_draft draft) {
  caf::scoped_actor self{system()};
  p::store_result<p::workflow_record> out = p::store_fail(p::store_errc::unavailable, "no reply");
  self->request(store(), caf::infinite, p::write_request{{p::put_workflow_op{std::move(draft)}}})
      .receive(
          [&](p::write_outcome& outcome) {
            if (!outcome)
              return void(out = fail(std::move(outcome).error()));
            out = std::get<p::workflow_record>(outcome->at(0));
            // Its triggers take events from now on.
            if (auto events = system().registry().get(actors::executions::events_registry_name))
              caf::anon_send(caf::actor_cast<caf::actor>(events),
                             actors::events::workflows_changed_atom::value);
          },
          [&](caf::error& e) {
            out = p::store_fail(p::store_errc::unavailable,
                                "put_workflow: " + self->system().render(e));
          });
  return out;
}

}  // namespace auraos::node
