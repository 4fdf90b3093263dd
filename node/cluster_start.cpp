#include "node/cluster_start.hpp"

#include <unistd.h>

#include "gateway/http_server.hpp"
#include "persistence/open_store.hpp"
#include "runtime/cluster/cluster_settings.hpp"

namespace auraos::node {

namespace {

namespace rc = runtime::cluster;

start_refusal refused(int code, std::string message) {
  return {code, std::move(message)};
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

std::optional<cluster::tls_files> tls_of(const rc::cluster_settings& settings) {
  if (!rc::uses_tls(settings)) return std::nullopt;
  return cluster::tls_files{settings.cert_file, settings.key_file, settings.ca_file};
}

std::string http_address(const runtime::node_config& config) {
  return rc::to_string({config.http_host, config.http_port});
}

}  // namespace

std::string node_name_of(const runtime::node_config& config) {
  return config.cluster.node_name.empty() ? host_name() : config.cluster.node_name;
}

result<std::int64_t, start_refusal> settle_shard_count(const runtime::node_config& config,
                                                       persistence::store& store) {
  auto count = store.ensure_shard_count(config.cluster.shards);
  if (count) return *count;
  int code = count.error().code == persistence::store_errc::conflict ? 2 : 1;
  return fail(refused(code, count.error().message));
}

result<std::optional<cluster_start>, start_refusal> join_cluster(
    const runtime::node_config& config) {
  const auto& settings = config.cluster;
  if (!rc::clustered(settings)) return std::optional<cluster_start>{};
  if (auto taken = gateway::check_listen_address(settings.listen->host, settings.listen->port))
    return fail(refused(1, "--cluster-listen: " + *taken));
  auto tls = tls_of(settings);
  if (tls)
    if (auto bad = cluster::check_tls_files(*tls)) return fail(refused(2, *bad));
  auto store = persistence::open_cluster_store(config.database);
  if (!store) return fail(refused(1, store.error()));
  std::shared_ptr<persistence::cluster_store> shared = std::move(*store);
  auto joined = shared->join(settings.node_name, rc::to_string(*rc::advertised_address(settings)),
                             http_address(config), settings.shards);
  if (!joined) {
    int code = joined.error().code == persistence::store_errc::conflict ? 2 : 1;
    return fail(refused(code, "joining the cluster: " + joined.error().message));
  }
  cluster_start out{shared, *joined,
                    cluster::transport_for(settings.heartbeat, settings.lease, tls)};
  return std::optional<cluster_start>{std::move(out)};
}

}  // namespace auraos::node
