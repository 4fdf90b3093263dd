// `auraos serve`: runs a node until SIGTERM or SIGINT (spec/interfaces.md).

#include <unistd.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <tuple>

#include <google/protobuf/stubs/logging.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "node/actor_system_setup.hpp"
#include "node/reload_signal.hpp"
#include "node/serve.hpp"
#include "runtime/cluster/settings_check.hpp"
#include "runtime/node_config.hpp"
#include "runtime/text_file.hpp"

namespace auraos::cli {
namespace {

struct serve_flags {
  std::string data_dir;
  std::string db;
  std::string http;
  std::string api_listen;
  std::string config_file;
  std::string log_level;
  bool test_faults = false;
  std::string cluster_listen;
  std::string cluster_advertise;
  std::string node_name;
  std::string shards;
  std::string cluster_cert;
  std::string cluster_key;
  std::string cluster_ca;
  bool insecure_cluster = false;
  std::string tls_cert;
  std::string tls_key;
  std::size_t max_connections = 0;
  bool auth = false;
  bool insecure_http = false;
  std::string key_file;
};

/// The machine's host name (the default node name's first part).
std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

/// Applies the cluster flags that were given over `settings`.
result<bool, std::string> apply_cluster_flags(const serve_flags& flags,
                                              runtime::cluster::cluster_settings& settings) {
  namespace cluster = runtime::cluster;
  for (auto [text, field, flag] :
       {std::tuple{&flags.cluster_listen, &settings.listen, "--cluster-listen"},
        std::tuple{&flags.cluster_advertise, &settings.advertise, "--cluster-advertise"}}) {
    if (text->empty()) continue;
    auto address = cluster::parse_host_port(*text, flag);
    if (!address) return fail(address.error());
    *field = *address;
  }
  if (!flags.shards.empty()) {
    std::int64_t shards = 0;
    const auto* end = flags.shards.data() + flags.shards.size();
    auto [stop, ec] = std::from_chars(flags.shards.data(), end, shards);
    if (ec != std::errc{} || stop != end)
      return fail("--shards: '" + flags.shards + "' is not a number");
    settings.shards = shards;
  }
  for (auto [text, field] : {std::pair{&flags.node_name, &settings.node_name},
                             std::pair{&flags.cluster_cert, &settings.cert_file},
                             std::pair{&flags.cluster_key, &settings.key_file},
                             std::pair{&flags.cluster_ca, &settings.ca_file}})
    if (!text->empty()) *field = *text;
  settings.insecure = settings.insecure || flags.insecure_cluster;
  return true;
}

result<runtime::node_config, std::string> settings_from(const serve_flags& flags) {
  runtime::node_config config;
  if (!flags.config_file.empty()) {
    auto text = runtime::read_text_file(flags.config_file);
    if (!text) return fail("--config: cannot read '" + flags.config_file + "': " + text.error());
    auto applied = runtime::apply_config_file(config, *text);
    if (!applied) return fail(flags.config_file + ": " + applied.error());
    config = *applied;
  }
  if (!flags.data_dir.empty()) config.data_dir = flags.data_dir;
  if (!flags.db.empty()) {
    auto location = runtime::parse_database_url(flags.db);
    if (!location) return fail(location.error());
    config.database = *location;
  }
  if (!flags.http.empty()) {
    auto address = runtime::parse_listen_address(flags.http);
    if (!address) return fail(address.error());
    std::tie(config.http_host, config.http_port) = *address;
  }
  if (!flags.api_listen.empty()) {
    auto address = runtime::parse_listen_address(flags.api_listen, "--api-listen");
    if (!address) return fail(address.error());
    std::tie(config.api_host, config.api_port) = *address;
  }
  if (!flags.log_level.empty()) {
    auto level = runtime::parse_log_level(flags.log_level);
    if (!level) return fail("--log-level: " + level.error());
    config.log_level = *level;
  }
  config.security.auth = config.security.auth || flags.auth;
  config.security.insecure_http = config.security.insecure_http || flags.insecure_http;
  if (!flags.key_file.empty()) config.security.key_file = flags.key_file;
  if (auto refused = runtime::security::exposure_refusal(config.security, config.http_host))
    return fail(*refused);
  if (!config.api_host.empty())
    if (auto refused =
            runtime::security::exposure_refusal(config.security, config.api_host, "--api-listen"))
      return fail(*refused);
  if (!flags.tls_cert.empty()) config.http_tls.cert_file = flags.tls_cert;
  if (!flags.tls_key.empty()) config.http_tls.key_file = flags.tls_key;
  if (auto refused = runtime::security::tls_pair_refusal(config.http_tls)) return fail(*refused);
  if (flags.max_connections > 0) config.http_limits.max_connections = flags.max_connections;
  auto cluster = apply_cluster_flags(flags, config.cluster);
  if (!cluster) return fail(cluster.error());
  if (auto refused = runtime::cluster::check_cluster_settings(config)) return fail(*refused);
  config.cluster = runtime::cluster::with_defaults(config.cluster, host_name());
  return runtime::finalize(config);
}

/// The test-only parts the node assembly adds: `--test-faults` or `AURAOS_TEST_FAULTS=1`.
node::serve_options test_options(const serve_flags& flags) {
  const char* env = std::getenv("AURAOS_TEST_FAULTS");
  return {flags.test_faults || (env && std::string{env} == "1")};
}

/// The spdlog level of a level name that parse_log_level accepted.
spdlog::level::level_enum spdlog_level(const std::string& name) {
  if (name == "warn") return spdlog::level::warn;
  if (name == "error") return spdlog::level::err;
  return spdlog::level::from_str(name);
}

void use_stderr_logger(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("auraos");
  logger->set_level(spdlog_level(level));
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  // libprotobuf reports a bad body (e.g. invalid UTF-8 in a string field) on stderr itself; the
  // caller already gets a 400, so keep such lines in the log's format and at debug level.
  google::protobuf::SetLogHandler(
      [](google::protobuf::LogLevel, const char*, int, const std::string& message) {
        spdlog::debug("protobuf: {}", message);
      });
}

int serve(const serve_flags& flags) {
  auto config = settings_from(flags);
  if (!config) {
    std::fprintf(stderr, "auraos serve: %s\n", config.error().c_str());
    return exit_invalid;
  }
  use_stderr_logger(config->log_level);
  node::block_stop_signals();
  if (config->http_tls.enabled()) node::block_reload_signal();  // SIGHUP reloads the certificate
  return node::serve(*config, test_options(flags));
}

void install(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<serve_flags>();
  auto* command = app.add_subcommand(
      "serve", "Run a node: runtime, REST API (exit 0 on a clean stop by SIGTERM/SIGINT)");
  command->add_option("--data-dir", flags->data_dir, "Data directory (default ./auraos-data)");
  command->add_option("--db", flags->db,
                      "Store: sqlite:PATH (default sqlite:DATA_DIR/auraos.db) or postgresql://");
  command->add_option("--http", flags->http, "Listen address HOST:PORT (default 127.0.0.1:8080)");
  command->add_option("--api-listen", flags->api_listen,
                      "Publish the actor message API on HOST:PORT (docs/client.md)");
  command->add_option("--config", flags->config_file, "JSON config file (camelCase keys)");
  command->add_option("--log-level", flags->log_level,
                      "trace, debug, info, warn, error or off (default info: execution starts "
                      "and ends, failures; debug: every transition and request)");
  command->add_flag("--auth", flags->auth,
                    "Every call needs a token (docs/security.md); required when --http is not "
                    "a loopback address");
  command->add_flag("--insecure-http", flags->insecure_http,
                    "Serve a non-loopback --http address without authentication (warned in "
                    "the log and on /healthz)");
  command->add_option("--key-file", flags->key_file,
                      "Key file of token signing and secrets keys (default DATA_DIR/keys.json; "
                      "the same file on every node of a cluster)");
  command->add_option("--tls-cert", flags->tls_cert,
                      "Serve HTTPS only, with this PEM certificate chain (with --tls-key; "
                      "SIGHUP reloads both; docs/security.md)");
  command->add_option("--tls-key", flags->tls_key, "PEM private key of --tls-cert");
  command
      ->add_option("--max-connections", flags->max_connections,
                   "Open HTTP connections at most; more are answered 503 (default 1024; "
                   "other limits: config `limits`, docs/security.md)")
      ->check(CLI::Range(1, 1000000));
  command->add_flag("--test-faults", flags->test_faults, "")->group("");
  // Cluster flags (spec/cluster.md): hidden until the cluster works end to end.
  command->add_option("--cluster-listen", flags->cluster_listen,
                      "Join the cluster of the PostgreSQL --db, listening for nodes on HOST:PORT");
  command->add_option("--cluster-advertise", flags->cluster_advertise,
                      "HOST:PORT other nodes dial (default: --cluster-listen)");
  command->add_option("--node-name", flags->node_name,
                      "Unique, stable node name (default: host name:cluster port)");
  command->add_option("--shards", flags->shards,
                      "Shard count of a new cluster (default 64; fixed by the first node)");
  command->add_option("--cluster-cert", flags->cluster_cert,
                      "PEM certificate of this node, signed by the cluster's CA");
  command->add_option("--cluster-key", flags->cluster_key, "PEM private key of --cluster-cert");
  command->add_option("--cluster-ca", flags->cluster_ca, "PEM certificate of the cluster's CA");
  command->add_flag("--insecure-cluster", flags->insecure_cluster,
                    "Plain TCP between nodes on a non-loopback address (no TLS)");
  command->callback([flags, &exit_code] { exit_code = serve(*flags); });
}

const command_registration registration{40, install};

}  // namespace
}  // namespace auraos::cli
