#include "bench/support/bench_cluster.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "tests/support/pg_server.hpp"

namespace auraos::bench {

std::string load_average() {
  std::ifstream in{"/proc/loadavg"};
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

test::http_reply bench_member::call(const test::http_call& call) {
  if (!connection) connection = std::make_unique<test::http_connection>("127.0.0.1", http_port);
  try {
    return connection->request(call);
  } catch (...) {
    connection.reset();
    throw;
  }
}

nlohmann::json bench_member::get_json(const std::string& target) {
  auto reply = call({"GET", target, "", {}});
  if (reply.status != 200)
    throw std::runtime_error(name + ": GET " + target + " answered " +
                             std::to_string(reply.status) + ": " + reply.body);
  return nlohmann::json::parse(reply.body);
}

double bench_member::metric(const std::string& metric_name) {
  auto reply = call({"GET", "/metrics", "", {}});
  std::istringstream lines{reply.body};
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(metric_name + " ", 0) == 0) return std::atof(line.c_str() + metric_name.size());
  return -1;
}

bench_cluster::bench_cluster(std::string binary, std::string db)
    : binary_(std::move(binary)), db_(std::move(db)) {
  // serve_process runs the binary named by AURAOS_BIN (as under ctest).
  ::setenv("AURAOS_BIN", binary_.c_str(), 1);
}

bench_member& bench_cluster::start(const std::string& name, bool clustered) {
  auto& m = members_[name];
  if (!m) {
    m = std::make_unique<bench_member>();
    m->name = name;
    auto port = test::unused_port();
    if (!port) throw std::runtime_error(port.error());
    m->cluster_port = *port;
  }
  std::vector<std::string> args{"--db",        db_,          "--http",
                                "127.0.0.1:0", "--data-dir", m->data.path().string()};
  if (clustered) {
    auto files = certs_.node(name);
    args.insert(args.end(), {"--cluster-listen", "127.0.0.1:" + std::to_string(m->cluster_port),
                             "--node-name", name, "--cluster-cert", files.certificate,
                             "--cluster-key", files.key, "--cluster-ca", files.ca});
  }
  m->connection.reset();
  m->process.reset();
  m->process = std::make_unique<test::serve_process>(args);
  m->http_port = m->process->wait_for_port(std::chrono::seconds(60));
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (m->call({"GET", "/readyz", "", {}}).status != 200) {
    if (std::chrono::steady_clock::now() > until)
      throw std::runtime_error(name + ": not ready after 60 s: " + m->process->err());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return *m;
}

void bench_cluster::kill(const std::string& name) {
  auto& m = *members_.at(name);
  m.process->signal(SIGKILL);
  m.process->wait_exit(std::chrono::seconds(10));
  m.connection.reset();
}

bool bench_cluster::wait_spread(bench_member& m, const std::set<std::string>& names,
                                std::chrono::milliseconds deadline) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    auto view = m.get_json("/api/v1/cluster");
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
    if (up == names && total == view["shards"].get<std::int64_t>() && high - low <= 1) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace auraos::bench
