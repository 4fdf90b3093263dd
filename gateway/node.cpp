#include "gateway/node.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <thread>

#include <spdlog/spdlog.h>
#include <caf/actor_cast.hpp>
#include <caf/actor_system.hpp>
#include <caf/local_actor.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>

#include "actors/actor_system_setup.hpp"
#include "actors/local_engine.hpp"
#include "gateway/http_service.hpp"
#include "gateway/node_context.hpp"
#include "persistence/open_store.hpp"

namespace auraos::gateway {
namespace {

namespace sv = runtime::supervision;

actors::executions_options engine_options(const runtime::node_config& config) {
  actors::executions_options options;
  options.passivate_after = config.passivate_after;
  options.definitions_dir = config.definitions_dir;
  options.test_faults = config.enable_fault_hook;
  options.on_record = [](const std::string& line) { spdlog::info("{}", line); };
  options.on_recovered = [](const actors::recovery_report& r) {
    spdlog::info("recovery: {} unfinished execution{} re-activated in {} ms{}", r.recovered,
                 r.recovered == 1 ? "" : "s", r.took.count(),
                 r.failed == 0 ? "" : fmt::format(", {} could not be activated", r.failed));
  };
  return options;
}

actors::supervisor_config root_config(const std::shared_ptr<node_context>& node,
                                      std::shared_ptr<persistence::store> store) {
  const auto& config = node->config();
  actors::supervisor_config root;
  root.name = "node";
  // Later children hold the store handle: a store restart restarts them too.
  root.strategy = sv::strategy::rest_for_one;
  root.intensity = {static_cast<std::size_t>(config.max_restarts), config.restart_period};
  root.test_faults = config.enable_fault_hook;
  root.children = actors::engine_children(std::move(store), engine_options(config),
                                          [node](actors::store_actor s) { node->set_store(s); });
  root.children.push_back(http_service_child(node));
  return root;
}

// Waits for the root to end; true when it ended because a stop signal was received.
bool supervise(caf::actor_system& system, const caf::actor& root) {
  std::atomic<bool> requested{false};
  std::atomic<bool> ended{false};
  std::thread waiter{[&] {
    int signal = 0;
    while (!ended && signal == 0) signal = actors::wait_stop_signal(100);
    if (signal == 0) return;
    requested = true;
    spdlog::info("received {}: stopping the supervision tree",
                 signal == SIGINT ? "SIGINT" : "SIGTERM");
    caf::anon_send_exit(root, caf::exit_reason::user_shutdown);
  }};
  caf::scoped_actor self{system};
  self->monitor(root);
  caf::error reason;
  self->receive([&](caf::down_msg& down) { reason = down.reason; });
  ended = true;
  waiter.join();
  if (!requested) spdlog::error("the node supervisor ended: {}", system.render(reason));
  return requested;
}

}  // namespace

node_exit run_node(const runtime::node_config& config) {
  auto store = persistence::open_store(config.database);
  if (!store) {
    spdlog::error("{}", store.error());
    return 1;
  }
  spdlog::info("store: {} ({})", persistence::redact_password(config.database.target),
               config.database.backend);
  actors::actor_runtime runtime{0};
  auto& system = runtime.system();
  auto node = std::make_shared<node_context>(system, config);
  auto root = actors::spawn_supervisor(system, root_config(node, std::move(*store)));
  node->set_root(root);
  spdlog::info("node started (data dir {})", config.data_dir);
  bool clean = supervise(system, root);
  node->set_root(nullptr);
  node->set_store(actors::store_actor{});
  spdlog::info(clean ? "node stopped" : "node failed");
  return clean ? 0 : 1;
}

}  // namespace auraos::gateway
