#include "runtime/cluster/settings_check.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace auraos::runtime::cluster {
namespace {

using refusal = std::optional<std::string>;

/// The first refusal of `checks`, or none.
refusal first_of(std::initializer_list<refusal> checks) {
  for (const auto& check : checks)
    if (check) return check;
  return std::nullopt;
}

refusal check_timings(const cluster_settings& s) {
  if (s.shards && (*s.shards < min_shards || *s.shards > max_shards))
    return "--shards: " + std::to_string(*s.shards) + " is out of range (1-4096)";
  if (s.heartbeat.count() < 10) return std::string("heartbeatMs: must be at least 10");
  if (s.lease <= 2 * s.heartbeat)
    return "leaseMs (" + std::to_string(s.lease.count()) +
           ") must be more than twice heartbeatMs (" + std::to_string(s.heartbeat.count()) + ")";
  if (s.forward_timeout.count() < 1) return std::string("forwardTimeoutMs: must be at least 1");
  return std::nullopt;
}

/// A flag that only a clustered node may set, when it is set without `--cluster-listen`.
refusal check_single_node(const cluster_settings& s) {
  const std::vector<std::pair<bool, const char*>> set{
      {s.advertise.has_value(), "--cluster-advertise"},
      {!s.node_name.empty(), "--node-name"},
      {!s.cert_file.empty(), "--cluster-cert"},
      {!s.key_file.empty(), "--cluster-key"},
      {!s.ca_file.empty(), "--cluster-ca"},
      {s.insecure, "--insecure-cluster"}};
  for (const auto& [given, flag] : set)
    if (given) return std::string(flag) + " needs --cluster-listen HOST:PORT";
  return std::nullopt;
}

bool unspecified(const std::string& host) {
  return host == "0.0.0.0" || host == "::";
}

refusal check_addresses(const cluster_settings& s) {
  if (s.listen->port == 0)
    return std::string("--cluster-listen: needs a fixed port (other nodes dial it), not 0");
  if (s.advertise && (unspecified(s.advertise->host) || s.advertise->port == 0))
    return "--cluster-advertise: " + to_string(*s.advertise) +
           " is not an address other nodes can dial";
  if (!s.advertise && unspecified(s.listen->host))
    return "--cluster-listen " + to_string(*s.listen) +
           " is not an address other nodes can dial: give --cluster-advertise HOST:PORT";
  return std::nullopt;
}

refusal check_node_name(const std::string& name) {
  if (name.empty()) return std::nullopt;  // filled with the default
  bool good = name.size() <= 100;
  for (char c : name)
    good = good && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
                    c == '-' || c == ':');
  if (good) return std::nullopt;
  return "--node-name: '" + name +
         "' may hold only letters, digits and . _ - : (at most 100 characters)";
}

refusal check_tls(const cluster_settings& s) {
  std::string missing;
  int given = 0;
  for (const auto& [file, flag] :
       {std::pair{&s.cert_file, "--cluster-cert"}, std::pair{&s.key_file, "--cluster-key"},
        std::pair{&s.ca_file, "--cluster-ca"}}) {
    if (file->empty()) missing += (missing.empty() ? "" : ", ") + std::string(flag);
    given += file->empty() ? 0 : 1;
  }
  if (given == 3 && s.insecure)
    return std::string("--insecure-cluster contradicts --cluster-cert/--cluster-key/--cluster-ca");
  if (given > 0 && given < 3)
    return "--cluster-cert, --cluster-key and --cluster-ca go together; missing: " + missing;
  if (given == 0 && !s.insecure && !is_loopback(s.listen->host))
    return "--cluster-listen " + to_string(*s.listen) +
           " is not loopback: give --cluster-cert, --cluster-key and --cluster-ca (or "
           "--insecure-cluster)";
  return std::nullopt;
}

}  // namespace

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.compare(0, 4, "127.") == 0;
}

std::optional<std::string> check_cluster_settings(const node_config& config) {
  const auto& s = config.cluster;
  if (auto timings = check_timings(s)) return timings;
  if (!clustered(s)) return check_single_node(s);
  if (config.database.backend != "postgresql")
    return std::string(
        "--cluster-listen needs a PostgreSQL database (--db postgresql://...); sqlite is "
        "single-node");
  return first_of({check_addresses(s), check_node_name(s.node_name), check_tls(s)});
}

}  // namespace auraos::runtime::cluster
