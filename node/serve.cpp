#include "node/serve.hpp"

#include <chrono>
#include <memory>
#include <optional>

#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/env.hpp"
#include "cluster/lease_keeper.hpp"
#include "cluster/node_transport.hpp"
#include "gateway/api_endpoint.hpp"
#include "gateway/child_relay.hpp"
#include "gateway/cluster_json.hpp"
#include "gateway/event_feed.hpp"
#include "gateway/forward_endpoint.hpp"
#include "gateway/http_server.hpp"
#include "gateway/http_service.hpp"
#include "gateway/live_commit_feed.hpp"
#include "gateway/node_context.hpp"
#include "gateway/test_fault_route.hpp"
#include "node/cluster_start.hpp"
#include "node/http_tls_start.hpp"
#include "node/local_node.hpp"
#include "node/reload_signal.hpp"
#include "node/security_start.hpp"
#include "persistence/open_store.hpp"
#include "runtime/cluster/cluster_settings.hpp"
#include "runtime/crypto/secret_keys.hpp"

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

/// What the serve assembly shares between its parts and its stop.
struct serve_wiring {
  std::shared_ptr<gateway::node_context> context;
  std::shared_ptr<cluster::cluster_board> board = std::make_shared<cluster::cluster_board>();
  /// The node's live updates, fed by the store, the supervisors and the board.
  std::shared_ptr<gateway::live_hub> hub = std::make_shared<gateway::live_hub>();
  std::optional<cluster::node_transport> transport;
  /// Why the cluster endpoint could not be published (the node then stops with exit 1).
  std::string transport_error;
  /// The HTTPS certificate (null: plain HTTP).
  std::shared_ptr<gateway::tls_identity> tls;
  local_node* node = nullptr;
  /// Carries child ends to their parent's owner (stopped with the transport).
  caf::actor relay;
  /// The token checks (null: authentication off).
  std::shared_ptr<gateway::auth::authenticator> authenticator;
};

/// The gateway's context, made by the first part that needs it.
std::shared_ptr<gateway::node_context> context_of(serve_wiring& wiring, local_node& node,
                                                  const runtime::node_config& config) {
  if (!wiring.context) {
    wiring.context = std::make_shared<gateway::node_context>(node.system(), config, wiring.hub);
    wiring.context->set_node_name(node_name_of(config));
    wiring.context->set_tls(wiring.tls);
    wiring.context->set_cluster({wiring.board, {}, config.cluster.forward_timeout});
    wiring.context->set_authenticator(wiring.authenticator);
  }
  return wiring.context;
}

/// The HTTP gateway as the node's last part.
part gateway_part(const runtime::node_config& config, serve_options options, serve_wiring& wiring) {
  return [&config, options, &wiring](local_node& node) {
    auto context = context_of(wiring, node, config);
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

/// A clustered node's transport (published endpoint, peers) and its lease keeper, before the
/// gateway.
part cluster_part(const runtime::node_config& config, const cluster_start& joined,
                  serve_wiring& wiring) {
  return [&config, &joined, &wiring](local_node& node) {
    auto context = context_of(wiring, node, config);
    const auto& settings = config.cluster;
    cluster::peers_options peers;
    peers.self_name = settings.node_name;
    peers.forward_timeout = settings.forward_timeout;
    auto started = cluster::start_transport(node.system(), gateway::spawn_forward_handler(context),
                                            settings.listen->host, settings.listen->port, peers);
    if (started)
      wiring.transport = *started;
    else
      wiring.transport_error = node.system().render(started.error());
    context->set_cluster({wiring.board, started ? started->peers : cluster::peers_actor{},
                          settings.forward_timeout});
    wiring.relay = gateway::spawn_child_relay(context);
    cluster::lease_keeper_options keeper{
        settings,     runtime::cluster::to_string({config.http_host, config.http_port}),
        joined.store, joined.membership,
        wiring.board, started ? started->peers : cluster::peers_actor{}};
    return cluster::lease_keeper_child(std::move(keeper));
  };
}

/// Feeds the live hub: the store's commits, every supervisor's changes, the board's changes.
void wire_live_updates(node_settings& settings, serve_wiring& wiring) {
  settings.commit_listener = std::make_shared<gateway::live_commit_feed>(wiring.hub);
  // New events, in storing order, to the event streams' subscribers.
  settings.events.on_stored = [hub = wiring.hub](const std::vector<persistence::event_record>& e) {
    gateway::publish_stored_events(*hub, e);
  };
  // The context is made while the node is assembled, before any supervisor runs.
  settings.on_tree_change = [&wiring] {
    if (wiring.context) wiring.context->supervision_changed();
  };
  wiring.board->on_change([hub = wiring.hub](const cluster::cluster_snapshot& view) {
    if (hub->wanted(gateway::live_topic::cluster))
      hub->publish(gateway::live_topic::cluster, gateway::cluster_message(view));
  });
}

/// A node alone shows itself with every shard.
void publish_alone(cluster::cluster_board& board, const runtime::node_config& config,
                   std::int64_t shards) {
  cluster::cluster_snapshot alone;
  alone.self = node_name_of(config);
  alone.shards = shards;
  alone.owned = shards;
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  alone.nodes.push_back({alone.self, 0, "",
                         runtime::cluster::to_string({config.http_host, config.http_port}), "up",
                         now, shards, now});
  board.publish(std::move(alone));
}

/// At a stop signal, a clustered node hands its shards over before its tree stops.
void leave_cluster(local_node& node) {
  auto keeper =
      caf::actor_cast<caf::actor>(node.system().registry().get(cluster::keeper_registry_name));
  if (!keeper) return;
  caf::scoped_actor self{node.system()};
  self->request(keeper, std::chrono::seconds(15), cluster::leave_atom::value)
      .receive([](caf::ok_atom) {},
               [](caf::error& e) { spdlog::warn("cluster: leaving: {}", caf::to_string(e)); });
}

}  // namespace

node_exit serve(const runtime::node_config& config, serve_options options) {
  // A taken port or a bad host is one line, not a supervisor giving up on the http service.
  if (auto refused = gateway::check_listen_address(config.http_host, config.http_port)) {
    spdlog::error("{}", *refused);
    return 1;
  }
  auto tls = load_http_tls(config);
  if (!tls) {
    spdlog::error("{}", tls.error());
    return 1;
  }
  auto env = actors::real_env();
  auto store = persistence::open_store(config.database, {actors::wall_source(env)});
  if (!store) {
    spdlog::error("{}", store.error());
    return 1;
  }
  auto joined = join_cluster(config);  // after open_store: it migrates the database
  if (!joined) {
    spdlog::error("{}", joined.error().message);
    return joined.error().exit_code;
  }
  auto shards = settle_shard_count(config, **store);
  if (!shards) {
    spdlog::error("{}", shards.error().message);
    return shards.error().exit_code;
  }
  spdlog::info("store: {} ({})", persistence::redact_password(config.database.target),
               config.database.backend);
  auto security = start_security(config, **store);
  if (!security) {
    spdlog::error("{}", security.error());
    return 1;
  }
  if (auto warning = runtime::security::exposure_warning(config.security, config.http_host))
    spdlog::warn("{}", *warning);
  // The secrets key ring (the key file is created on a first start; docs/security.md).
  auto secret_keys = runtime::crypto::secret_keys::from_file(config.security.key_file);
  if (!secret_keys) {
    spdlog::error("{}", secret_keys.error());
    return 1;
  }
  serve_wiring wiring;
  wiring.tls = *tls;
  wiring.authenticator = *security;
  node_settings settings;
  settings.store = std::move(*store);
  settings.env = env;
  settings.executions = engine_options(config);
  settings.executions.secret_keys = *secret_keys;
  settings.events.retention_interval = config.event_retention_interval;
  settings.events.follow_interval = config.event_follow_interval;
  settings.executions.shard_count = *shards;
  settings.executions.lease_owner = node_name_of(config);
  settings.tasks.node_name = node_name_of(config);
  settings.tasks.pool.capacity = config.pool_capacity;
  settings.tasks.pool.workers = config.pool_workers;
  settings.tasks.pool.aging_seconds = config.pool_aging_seconds;
  settings.intensity = {static_cast<std::size_t>(config.max_restarts), config.restart_period};
  wire_live_updates(settings, wiring);
  if (*joined) {
    settings.executions.clustered = true;
    settings.events.clustered = true;
    settings.tasks.clustered = true;
    settings.transport = (*joined)->transport;
    settings.parts.push_back(cluster_part(config, **joined, wiring));
    settings.on_stop_signal = [&wiring] {
      if (wiring.node) leave_cluster(*wiring.node);
    };
    spdlog::info("cluster: joined as {} (incarnation {}, {} shards)", config.cluster.node_name,
                 (*joined)->membership.incarnation, (*joined)->membership.shards);
  } else {
    publish_alone(*wiring.board, config, *shards);
    // The actor API needs the middleman; a single node loads it plain.
    if (!config.api_host.empty()) settings.transport = cluster::transport_options{};
  }
  settings.parts.push_back(gateway_part(config, options, wiring));
  local_node node{std::move(settings)};
  wiring.node = &node;
  wiring.context->set_root(node.root());
  bool clean = wiring.transport_error.empty();
  if (!clean)
    spdlog::error("--cluster-listen: cannot publish the cluster endpoint: {}",
                  wiring.transport_error);
  else
    spdlog::info("node started (data dir {})", config.data_dir);
  std::optional<gateway::published_api> api;
  if (clean && !config.api_host.empty()) {
    auto published = gateway::publish_api_endpoint(wiring.context, config.api_host, config.api_port);
    if (published) {
      api = *published;
      spdlog::info("api: actor message API on {}:{}", config.api_host, published->port);
    } else {
      spdlog::error("--api-listen: cannot publish the actor API on {}:{}: {}", config.api_host,
                    config.api_port, node.system().render(published.error()));
      clean = false;
    }
  }
  std::optional<reload_watcher> reloads;
  if (wiring.tls) reloads.emplace([tls = wiring.tls] { reload_http_tls(*tls); });
  if (clean) clean = node.run_until_stop_signal();
  if (api) caf::anon_send_exit(api->actor, caf::exit_reason::user_shutdown);
  wiring.context->set_root(nullptr);
  // The published endpoint and the peers actor keep the actor system waiting: end them first.
  if (wiring.transport) cluster::stop_transport(*wiring.transport);
  if (wiring.relay) caf::anon_send_exit(wiring.relay, caf::exit_reason::user_shutdown);
  node.stop();
  spdlog::info(clean ? "node stopped" : "node failed");
  return clean ? 0 : 1;
}

}  // namespace auraos::node
