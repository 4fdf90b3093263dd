#pragma once
// Settings of one `auraos serve` node: flags, optional JSON config file, defaults.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/cluster/cluster_settings.hpp"
#include "runtime/result.hpp"
#include "runtime/security/http_limits.hpp"
#include "runtime/security/http_tls.hpp"
#include "runtime/security/security_settings.hpp"
#include "runtime/supervision/intensity.hpp"

namespace auraos::runtime {

/// Where a node keeps its state.
struct database_location {
  /// "sqlite" or "postgresql".
  std::string backend = "sqlite";
  /// File path for sqlite, the full connection URL for postgresql.
  std::string target;
};

/// Every setting of a node, after defaults, the config file and flags were applied.
struct node_config {
  std::string data_dir = "./auraos-data";
  database_location database;
  /// Folder that `file` references of stored subworkflow nodes resolve against
  /// (default: DATA_DIR/definitions).
  std::string definitions_dir;
  std::string http_host = "127.0.0.1";
  std::uint16_t http_port = 8080;
  /// Where the actor message API is published (`--api-listen HOST:PORT`, docs/client.md);
  /// empty host: not published.
  std::string api_host;
  /// The actor API's port (0: any free port, logged).
  std::uint16_t api_port = 0;
  /// Largest accepted request body.
  std::size_t max_body_bytes = 1 << 20;
  /// A waiting execution idle this long is passivated.
  std::chrono::milliseconds passivate_after{std::chrono::seconds(30)};
  /// Time between two passes of the event retention rules.
  std::chrono::milliseconds event_retention_interval{std::chrono::seconds(60)};
  /// A clustered node reads the events stored after the last one it read this often.
  std::chrono::milliseconds event_follow_interval{50};
  /// Restart intensity of the node supervisor: at most this many restarts ...
  int max_restarts = static_cast<int>(supervision::node_intensity.max_restarts);
  /// ... within this period.
  std::chrono::milliseconds restart_period = supervision::node_intensity.period;
  /// Events a live subscriber may fall behind before its stream is closed (`overflow`).
  std::size_t subscriber_buffer_events = 10000;
  /// Least severe log level written: trace, debug, info, warn, error or off.
  std::string log_level = "info";
  /// The task pool: capacity per resource (absent cpu and memoryMiB: the machine's), worker
  /// slots and the aging step (config key `pool`).
  std::map<std::string, double> pool_capacity;
  /// Runs at once at most.
  std::int64_t pool_workers = 16;
  /// A waiting task run gains one priority level per this many seconds.
  std::int64_t pool_aging_seconds = 60;
  /// Cluster membership, timings and TLS files (none of it used by a single node).
  cluster::cluster_settings cluster;
  /// Authentication, the key file and token lifetimes (docs/security.md).
  security::security_settings security;
  /// HTTPS for the REST API and the dashboard (`--tls-cert`, `--tls-key`; docs/security.md).
  security::http_tls http_tls;
  /// The gateway's rate, size, connection and stream limits (config `limits`).
  security::http_limits http_limits;
};

/// Parses `sqlite:PATH` or a `postgresql://` (or `postgres://`) URL.
result<database_location, std::string> parse_database_url(const std::string& url);

/// Parses `HOST:PORT` (IPv6 hosts in brackets: `[::1]:8080`); errors start with `flag`.
result<std::pair<std::string, std::uint16_t>, std::string> parse_listen_address(
    const std::string& text, std::string_view flag = "--http");

/// `text` when it names a log level (trace, debug, info, warn, error, off), else an error
/// naming the levels.
result<std::string, std::string> parse_log_level(const std::string& text);

/// Applies a JSON config file's text (same keys as the flags, camelCase) over `base`.
result<node_config, std::string> apply_config_file(node_config base, const std::string& json_text);

/// Fills what depends on other settings (the default database lives in the data dir).
node_config finalize(node_config config);

}  // namespace auraos::runtime
