#include "node/serve.hpp"

#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/env.hpp"
#include "gateway/http_server.hpp"
#include "gateway/http_service.hpp"
#include "gateway/node_context.hpp"
#include "gateway/test_fault_route.hpp"
#include "node/local_node.hpp"
#include "persistence/open_store.hpp"

namespace auraos::node {
namespace {

actors::executions::executions_options engine_options(const runtime::node_config& config) {
  actors::executions::executions_options options;
  options.passivate_after = config.passivate_after;
  options.definitions_dir = config.definitions_dir;
  // Info: execution starts and ends; warn: failures; debug: every other transition.
  options.on_record = [](actors::executions::record_weight weight, const std::string& line) {
    auto level = weight == actors::executions::record_weight::milestone ? spdlog::level::info
                 : weight == actors::executions::record_weight::failure ? spdlog::level::warn
                                                                        : spdlog::level::debug;
    spdlog::log(level, "{}", line);
  };
  options.on_recovered = [](const actors::executions::recovery_report& r) {
    spdlog::info("recovery: {} unfinished execution{} re-activated in {} ms{}", r.recovered,
                 r.recovered == 1 ? "" : "s", r.took.count(),
                 r.failed == 0 ? "" : fmt::format(", {} could not be activated", r.failed));
  };
  return options;
}

/// The HTTP gateway as the node's last part; `context` receives what its handlers reach.
part gateway_part(const runtime::node_config& config, serve_options options,
                  std::shared_ptr<gateway::node_context>& context) {
  return [&config, options, &context](local_node& node) {
    context = std::make_shared<gateway::node_context>(node.system(), config);
    node.on_store_started(
        [ctx = context](actors::store::store_actor s) { ctx->set_store(std::move(s)); });
    gateway::route_installer test_routes;
    if (options.test_faults)
      test_routes = [ctx = context](gateway::router& routes) {
        gateway::add_test_fault_route(routes, ctx);
      };
    return gateway::http_service_child(context, std::move(test_routes));
  };
}

}  // namespace

node_exit serve(const runtime::node_config& config, serve_options options) {
  // A taken port or a bad host is one line, not a supervisor giving up on the http service.
  if (auto refused = gateway::check_listen_address(config.http_host, config.http_port)) {
    spdlog::error("{}", *refused);
    return 1;
  }
  auto env = actors::real_env();
  auto store = persistence::open_store(config.database, {actors::wall_source(env)});
  if (!store) {
    spdlog::error("{}", store.error());
    return 1;
  }
  spdlog::info("store: {} ({})", persistence::redact_password(config.database.target),
               config.database.backend);
  std::shared_ptr<gateway::node_context> context;
  node_settings settings;
  settings.store = std::move(*store);
  settings.env = env;
  settings.executions = engine_options(config);
  settings.intensity = {static_cast<std::size_t>(config.max_restarts), config.restart_period};
  settings.parts.push_back(gateway_part(config, options, context));
  local_node node{std::move(settings)};
  context->set_root(node.root());
  spdlog::info("node started (data dir {})", config.data_dir);
  bool clean = node.run_until_stop_signal();
  context->set_root(nullptr);
  spdlog::info(clean ? "node stopped" : "node failed");
  return clean ? 0 : 1;
}

}  // namespace auraos::node
