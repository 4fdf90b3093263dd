#include "gateway/prometheus_text.hpp"

#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace auraos::gateway {
namespace {

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

void executions(std::string& out, const metrics_snapshot& snapshot) {
  header(out, "auraos_store_up", "gauge",
         "1 when the database took the /readyz probe at this scrape, else 0.");
  out += fmt::format("auraos_store_up {}\n", snapshot.database_up ? 1 : 0);
  header(out, "auraos_executions", "gauge", "Stored executions by status.");
  for (const auto& [status, count] : snapshot.executions_by_status)
    out += fmt::format("auraos_executions{{status=\"{}\"}} {}\n", status, count);
}

void service_counters(std::string& out, const metrics_snapshot& snapshot) {
  if (!snapshot.service_counters || !snapshot.service_counters->is_object()) return;
  for (const auto& [key, value] : snapshot.service_counters->items()) {
    if (!value.is_number()) continue;
    // Counts of live actors ("activeActors") go up and down; every other number only grows.
    bool gauge = key.size() > 6 && key.compare(key.size() - 6, 6, "Actors") == 0;
    auto name = "auraos_service_" + snake_case(key) + (gauge ? "" : "_total");
    header(out, name, gauge ? "gauge" : "counter", "Executions service number " + key + ".");
    out += fmt::format("{} {}\n", name, value.dump());
  }
}

void commit_latency(std::string& out, const actors::store::commit_stats& stats) {
  const std::string name = "auraos_store_commit_latency_seconds";
  header(out, name, "histogram", "Latency of the store's group commits.");
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < stats.bucket_bounds_us.size(); ++i) {
    cumulative += stats.bucket_counts.at(i);
    out += fmt::format("{}_bucket{{le=\"{}\"}} {}\n", name,
                       static_cast<double>(stats.bucket_bounds_us[i]) / 1e6, cumulative);
  }
  cumulative += stats.bucket_counts.back();
  out += fmt::format("{}_bucket{{le=\"+Inf\"}} {}\n", name, cumulative);
  out += fmt::format("{}_sum {}\n{}_count {}\n", name,
                     static_cast<double>(stats.latency_sum_us) / 1e6, name, stats.commits);
  header(out, "auraos_store_commit_failures_total", "counter", "Group commits that failed.");
  out += fmt::format("auraos_store_commit_failures_total {}\n", stats.failed_commits);
}

}  // namespace

std::string snake_case(const std::string& camel) {
  std::string out;
  for (char c : camel) {
    auto u = static_cast<unsigned char>(c);
    if (std::isupper(u)) {
      if (!out.empty()) out += '_';
      out += static_cast<char>(std::tolower(u));
    } else {
      out += std::isalnum(u) ? c : '_';
    }
  }
  return out;
}

void cluster_metrics(std::string& out, const metrics_snapshot& snapshot) {
  std::map<std::string, std::int64_t> by_status{{"up", 0}, {"suspect", 0}, {"down", 0}};
  std::int64_t owned = 0;
  if (snapshot.cluster) {
    for (const auto& node : snapshot.cluster->nodes) ++by_status[node.status];
    owned = snapshot.cluster->owned;
  }
  header(out, "auraos_cluster_nodes", "gauge", "Members of the cluster by status.");
  for (const auto& [status, count] : by_status)
    out += fmt::format("auraos_cluster_nodes{{status=\"{}\"}} {}\n", status, count);
  header(out, "auraos_shards_owned", "gauge", "Shards whose executions run on this node.");
  out += fmt::format("auraos_shards_owned {}\n", owned);
  header(out, "auraos_shard_moves_total", "counter", "Shards this node acquired or gave up.");
  out += fmt::format("auraos_shard_moves_total {}\n", snapshot.shard_moves);
  header(out, "auraos_forwarded_requests_total", "counter",
         "API calls this node forwarded to the owner of their execution.");
  out += fmt::format("auraos_forwarded_requests_total {}\n", snapshot.forwarded_requests);
  header(out, "auraos_fenced_writes_total", "counter",
         "Writes the store refused because another node holds the shard.");
  out += fmt::format("auraos_fenced_writes_total {}\n", snapshot.fenced_writes);
}

std::string prometheus_text(const metrics_snapshot& snapshot) {
  std::string out;
  executions(out, snapshot);
  service_counters(out, snapshot);
  commit_latency(out, snapshot.commits);
  header(out, "auraos_actor_restarts_total", "counter",
         "Restarts made by the supervisors of the node.");
  out += fmt::format("auraos_actor_restarts_total {}\n", snapshot.actor_restarts);
  cluster_metrics(out, snapshot);
  header(out, "auraos_live_subscribers", "gauge", "Open live streams (GET /api/v1/stream).");
  out += fmt::format("auraos_live_subscribers {}\n", snapshot.live_subscribers);
  return out;
}

}  // namespace auraos::gateway
