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
#include "actors/env.hpp"
#include "actors/local_engine.hpp"
#include "gateway/http_server.hpp"
#include "gateway/http_service.hpp"
#include "gateway/node_context.hpp"
#include "persistence/open_store.hpp"

namespace auraos::gateway {
namespace {

namespace sv = runtime::supervision;

actors::executions_options engine_options(const runtime::node_config& config,
                                          std::shared_ptr<actors::env> env) {
  actors::executions_options options;
  options.env = std::move(env);
  options.passivate_after = config.passivate_after;
  options.definitions_dir = config.definitions_dir;
  options.test_faults = config.enable_fault_hook;
  // Info: execution starts and ends; warn: failures; debug: every other transition.
  options.on_record = [](actors::record_weight weight, const std::string& line) {
    auto level = weight == actors::record_weight::milestone ? spdlog::level::info
                 : weight == actors::record_weight::failure ? spdlog::level::warn
                                                            : spdlog::level::debug;
    spdlog::log(level, "{}", line);
  };
  options.on_recovered = [](const actors::recovery_report& r) {
    spdlog::info("recovery: {} unfinished execution{} re-activated in {} ms{}", r.recovered,
                 r.recovered == 1 ? "" : "s", r.took.count(),
                 r.failed == 0 ? "" : fmt::format(", {} could not be activated", r.failed));
  };
  return options;
}

actors::supervisor_config root_config(const std::shared_ptr<node_context>& node,
                                      std::shared_ptr<persistence::store> store,
                                      std::shared_ptr<actors::env> env) {
  const auto& config = node->config();
  actors::supervisor_config root;
  root.name = "node";
  // Later children hold the store handle: a store restart restarts them too.
  root.strategy = sv::strategy::rest_for_one;
  root.intensity = {static_cast<std::size_t>(config.max_restarts), config.restart_period};
  root.test_faults = config.enable_fault_hook;
  root.env = env;
  root.children = actors::engine_children(std::move(store), engine_options(config, env),
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

node_exit run_node(const runtime::node_config& config, std::shared_ptr<actors::env> env) {
  env = actors::env_or_real(std::move(env));
  // A taken port or a bad host is one line, not a supervisor giving up on the http service.
  if (auto refused = check_listen_address(config.http_host, config.http_port)) {
    spdlog::error("{}", *refused);
    return 1;
  }
  auto store = persistence::open_store(config.database, {actors::wall_source(env)});
  if (!store) {
    spdlog::error("{}", store.error());
    return 1;
  }
  spdlog::info("store: {} ({})", persistence::redact_password(config.database.target),
               config.database.backend);
  actors::actor_runtime runtime{0};
  auto& system = runtime.system();
  auto node = std::make_shared<node_context>(system, config);
  auto root = actors::spawn_supervisor(system, root_config(node, std::move(*store), env));
  node->set_root(root);
  spdlog::info("node started (data dir {})", config.data_dir);
  bool clean = supervise(system, root);
  node->set_root(nullptr);
  node->set_store(actors::store_actor{});
  spdlog::info(clean ? "node stopped" : "node failed");
  return clean ? 0 : 1;
}

}  // namespace auraos::gateway
