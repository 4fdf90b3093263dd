// `auraos serve`: runs a node until SIGTERM or SIGINT (spec/interfaces.md).

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <tuple>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "node/actor_system_setup.hpp"
#include "node/serve.hpp"
#include "runtime/node_config.hpp"
#include "runtime/text_file.hpp"

namespace auraos::cli {
namespace {

struct serve_flags {
  std::string data_dir;
  std::string db;
  std::string http;
  std::string config_file;
  std::string log_level;
  bool test_faults = false;
};

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
  if (!flags.log_level.empty()) {
    auto level = runtime::parse_log_level(flags.log_level);
    if (!level) return fail("--log-level: " + level.error());
    config.log_level = *level;
  }
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
}

int serve(const serve_flags& flags) {
  auto config = settings_from(flags);
  if (!config) {
    std::fprintf(stderr, "auraos serve: %s\n", config.error().c_str());
    return exit_invalid;
  }
  use_stderr_logger(config->log_level);
  node::block_stop_signals();
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
  command->add_option("--config", flags->config_file, "JSON config file (camelCase keys)");
  command->add_option("--log-level", flags->log_level,
                      "trace, debug, info, warn, error or off (default info: execution starts "
                      "and ends, failures; debug: every transition and request)");
  command->add_flag("--test-faults", flags->test_faults, "")->group("");
  command->callback([flags, &exit_code] { exit_code = serve(*flags); });
}

const command_registration registration{40, install};

}  // namespace
}  // namespace auraos::cli
