#pragma once
// Real `auraos serve` nodes for the cluster benches (no Boost.Test): members of one cluster on
// 127.0.0.1 over one database, with certificates of one CA; start, kill and ask them over HTTP.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/cluster_certs.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::bench {

/// The machine's load averages over 1, 5 and 15 minutes (/proc/loadavg), as `uptime` shows them.
std::string load_average();

/// One member: its process, ports, name and a keep-alive connection for the bench's calls.
struct bench_member {
  std::string name;
  std::uint16_t cluster_port = 0;
  std::uint16_t http_port = 0;
  test::temp_dir data;
  std::unique_ptr<test::serve_process> process;
  std::unique_ptr<test::http_connection> connection;

  /// One request over this member's keep-alive connection (reconnects after a failure);
  /// throws std::runtime_error on a transport failure.
  test::http_reply call(const test::http_call& call);
  /// GET `target` answered 200, as JSON; throws otherwise.
  nlohmann::json get_json(const std::string& target);
  /// The value of gauge or counter `name` (a line `name VALUE`) in /metrics; -1 when absent.
  double metric(const std::string& name);
};

/// Members of one cluster on database `db`, running `binary`; every member killed at the end.
class bench_cluster {
 public:
  /// Makes the certificates; throws when openssl fails.
  bench_cluster(std::string binary, std::string db);
  bench_cluster(const bench_cluster&) = delete;
  bench_cluster& operator=(const bench_cluster&) = delete;

  /// Starts member `name` (again, when it ran before: a new incarnation) and waits until it
  /// is ready (/readyz answers 200); `clustered` false starts a node alone (no cluster flags).
  bench_member& start(const std::string& name, bool clustered = true);
  /// The member called `name` (it must have been started).
  bench_member& operator[](const std::string& name) { return *members_.at(name); }
  /// kill -9 of member `name`, waiting for its exit.
  void kill(const std::string& name);
  /// Waits until `m` sees exactly `names` up, every shard owned by one of them and spread
  /// evenly; false at the deadline.
  bool wait_spread(bench_member& m, const std::set<std::string>& names,
                   std::chrono::milliseconds deadline = std::chrono::seconds(60));

 private:
  std::string binary_;
  std::string db_;
  test::cluster_certs certs_;
  std::map<std::string, std::unique_ptr<bench_member>> members_;
};

}  // namespace auraos::bench
