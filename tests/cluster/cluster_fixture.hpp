#pragma once
// Real `auraos serve` nodes on 127.0.0.1 forming one cluster over a throwaway PostgreSQL, with
// certificates of one CA: start, stop, kill, pause and resume members; read what they show.

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <csignal>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/cluster_certs.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

/// One member: its process, ports and name.
struct cluster_member {
  std::string name;
  std::uint16_t cluster_port = 0;
  temp_dir data;
  std::unique_ptr<serve_process> process;
  std::uint16_t http_port = 0;

  /// One HTTP request to this member.
  api_reply call(const std::string& method, const std::string& target, const std::string& body = "",
                 std::map<std::string, std::string> headers = {}) {
    return api_call(http_port, method, target, body, std::move(headers));
  }

  /// Polls execution `id` through this member until its status is `status`; false at `limit`.
  bool wait_status(const std::string& id, const std::string& status,
                   std::chrono::milliseconds limit = std::chrono::seconds(60)) {
    return wait_execution_status(http_port, id, status, limit)["status"] == status;
  }
};

/// A cluster of real nodes sharing one throwaway PostgreSQL.
class cluster_fixture {
 public:
  cluster_fixture() {
    auto server = pg_server::launch();
    BOOST_REQUIRE_MESSAGE(server.has_value(), (server ? "" : server.error()));
    pg_ = std::move(*server);
  }

  /// Starts member `name` (again, when it ran before: a new incarnation) with extra environment
  /// `env` and waits until it serves HTTP.
  cluster_member& start(const std::string& name, std::vector<std::string> extra = {},
                        const std::map<std::string, std::string>& env = {}) {
    auto& m = members_[name];
    if (!m) {
      m = std::make_unique<cluster_member>();
      m->name = name;
      auto port = unused_port();
      BOOST_REQUIRE(port.has_value());
      m->cluster_port = *port;
    }
    auto files = certs_.node(name);
    std::vector<std::string> args{"--db",
                                  pg_->url(),
                                  "--http",
                                  "127.0.0.1:0",
                                  "--data-dir",
                                  m->data.path().string(),
                                  "--cluster-listen",
                                  "127.0.0.1:" + std::to_string(m->cluster_port),
                                  "--node-name",
                                  name,
                                  "--cluster-cert",
                                  files.certificate,
                                  "--cluster-key",
                                  files.key,
                                  "--cluster-ca",
                                  files.ca};
    args.insert(args.end(), extra.begin(), extra.end());
    m->process.reset();
    m->process = std::make_unique<serve_process>(args, env);
    m->http_port = m->process->wait_for_port();
    return *m;
  }

  /// Starts members `names` in order and waits until the first and the last see the shards
  /// spread evenly over them all; the members, in order.
  std::vector<cluster_member*> start_spread(const std::vector<std::string>& names) {
    std::vector<cluster_member*> out;
    for (const auto& name : names) out.push_back(&start(name));
    std::set<std::string> all(names.begin(), names.end());
    BOOST_REQUIRE(wait_spread(*out.front(), all));
    BOOST_REQUIRE(wait_spread(*out.back(), all));
    return out;
  }

  /// The member called `name` (it must have been started).
  cluster_member& operator[](const std::string& name) { return *members_.at(name); }

  /// GET /api/v1/cluster on `m`.
  nlohmann::json overview(cluster_member& m) { return m.call("GET", "/api/v1/cluster").json; }

  /// Waits until `m` sees exactly `names` up and every shard owned by one of them, spread
  /// evenly (no member more than one shard above another); false at the deadline.
  bool wait_spread(cluster_member& m, const std::set<std::string>& names,
                   std::chrono::milliseconds deadline = std::chrono::seconds(30)) {
    return wait_until(
        [&] {
          auto view = overview(m);
          std::int64_t total = 0, low = 1 << 30, high = 0;
          std::set<std::string> up;
          for (const auto& n : view["nodes"]) {
            if (n["status"] != "up") continue;
            up.insert(n["name"].get<std::string>());
            auto count = n["shardCount"].get<std::int64_t>();
            total += count;
            low = std::min(low, count);
            high = std::max(high, count);
          }
          return up == names && total == view["shards"].get<std::int64_t>() && high - low <= 1;
        },
        deadline);
  }

  /// The database URL.
  std::string url() const { return pg_->url(); }
  /// The certificates of the cluster.
  cluster_certs& certs() { return certs_; }

 private:
  std::unique_ptr<pg_server> pg_;
  cluster_certs certs_;
  std::map<std::string, std::unique_ptr<cluster_member>> members_;
};

/// Workflow `id`: a delay of `seconds`, then a shell attempt that echoes its idempotency key
/// (so history shows each attempt), then a transform.
inline std::string delay_then_shell(const std::string& id, double seconds) {
  using nlohmann::json;
  return json{{"id", id},
              {"name", "delay then shell"},
              {"variables", {{{"name", "seconds"}, {"type", "number"}, {"default", seconds}}}},
              {"nodes",
               {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", "${input.seconds}"}}}},
                {{"id", "run"}, {"type", "shell"}, {"config", {{"command", "echo ran"}}}}}},
              {"connections", {{{"from", "wait"}, {"to", "run"}}}},
              {"output", "${nodes.run.output}"}}
      .dump();
}

}  // namespace auraos::test
