// Issue 14: one call through the C++ client (actor message API, Protobuf over the CAF
// middleman) against the same call over REST (JSON over a keep-alive HTTP connection), side by
// side on one real `auraos serve`: getExecution (a read answered by the executions service) and
// startExecution (a stored start), one call in flight, then 16 callers at once.
// Usage: client_bench [-n CALLS=5000] [--binary PATH]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/support/rest_load.hpp"
#include "bench/support/rest_node.hpp"
#include "client/client.hpp"
#include "tests/support/pg_server.hpp"

namespace {

namespace b = auraos::bench;
using clock_type = std::chrono::steady_clock;

/// Calls per second and latency quantiles of `calls` calls of `one` from `callers` threads.
struct figures {
  double per_second = 0;
  double p50_us = 0;
  double p99_us = 0;
};

figures measure(std::int64_t calls, int callers, const std::function<void(int)>& one) {
  std::atomic<std::int64_t> next{0};
  std::vector<std::vector<double>> latencies(callers);
  auto began = clock_type::now();
  std::vector<std::thread> threads;
  for (int caller = 0; caller < callers; ++caller)
    threads.emplace_back([&, caller] {
      while (next.fetch_add(1) < calls) {
        auto start = clock_type::now();
        one(caller);
        latencies[caller].push_back(
            std::chrono::duration<double, std::micro>(clock_type::now() - start).count());
      }
    });
  for (auto& thread : threads) thread.join();
  double seconds = std::chrono::duration<double>(clock_type::now() - began).count();
  std::vector<double> all;
  for (auto& each : latencies) all.insert(all.end(), each.begin(), each.end());
  return {static_cast<double>(calls) / seconds, b::quantile(all, 0.5), b::quantile(all, 0.99)};
}

void row(const char* what, const figures& client, const figures& rest) {
  fmt::print("{:<28} client {:>8.0f}/s p50 {:>7.0f} us p99 {:>7.0f} us | REST {:>8.0f}/s p50 {:>7.0f} us "
             "p99 {:>7.0f} us | client/REST {:.2f}x\n",
             what, client.per_second, client.p50_us, client.p99_us, rest.per_second, rest.p50_us,
             rest.p99_us, client.per_second / rest.per_second);
}

[[noreturn]] void die(const std::string& why) {
  fmt::print(stderr, "client_bench: {}\n", why);
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t calls = 5000;
  std::string binary = b::sibling_auraos();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "-n")
      calls = std::atoll(argv[i + 1]);
    else if (flag == "--binary")
      binary = argv[i + 1];
    else
      die("unknown flag " + flag);
  }
  auto port = auraos::test::unused_port();
  if (!port) die(port.error());
  auto api_port = *port;
  auto node = b::rest_node::start(
      binary, "", nlohmann::json{{"apiListen", fmt::format("127.0.0.1:{}", api_port)}}.dump());
  if (!node) die(node.error());
  auto& rest = **node;
  auto created = rest.call({"POST", "/api/v1/workflows",
                            R"({"id": "bench-noop", "name": "bench", "nodes": [{"id": "a", "type": "noop"}]})",
                            {{"Content-Type", "application/json"}}});
  if (created.status != 201) die("create workflow: " + created.body);
  auto started = rest.call({"POST", "/api/v1/workflows/bench-noop/executions", "{}",
                            {{"Content-Type", "application/json"}}});
  if (started.status != 202) die("start: " + started.body);
  auto id = nlohmann::json::parse(started.body)["id"].get<std::string>();

  auraos::client::options options;
  options.port = api_port;
  auraos::client::client client{options};
  if (!client.health()) die("the client cannot reach the actor API");

  constexpr int parallel = 16;
  auto rest_get = [&](int) {
    auto reply = rest.call({"GET", "/api/v1/executions/" + id, "", {}});
    if (reply.status != 200) die("REST get: " + reply.body);
  };
  auto client_get = [&](int) {
    if (!client.get_execution(id)) die("client get failed");
  };
  fmt::print("client_bench: {} calls each, node {} (embedded SQLite), one machine\n", calls, binary);
  row("getExecution, 1 in flight", measure(calls, 1, client_get), measure(calls, 1, rest_get));
  // REST with 16 callers: one keep-alive connection per caller.
  std::vector<std::unique_ptr<auraos::test::http_connection>> connections;
  for (int i = 0; i < parallel; ++i)
    connections.push_back(std::make_unique<auraos::test::http_connection>("127.0.0.1", rest.port()));
  auto rest_get_parallel = [&](int caller) {
    auto reply = connections[caller]->request({"GET", "/api/v1/executions/" + id, "", {}});
    if (reply.status != 200) die("REST get: " + reply.body);
  };
  row("getExecution, 16 in flight", measure(calls, parallel, client_get),
      measure(calls, parallel, rest_get_parallel));
  auto client_start = [&](int) {
    if (!client.execute("bench-noop", {})) die("client start failed");
  };
  auto rest_start = [&](int) {
    auto reply = rest.call({"POST", "/api/v1/workflows/bench-noop/executions", "{}",
                            {{"Content-Type", "application/json"}}});
    if (reply.status != 202) die("REST start: " + reply.body);
  };
  auto start_calls = std::max<std::int64_t>(calls / 5, 1);
  row("startExecution, 1 in flight", measure(start_calls, 1, client_start),
      measure(start_calls, 1, rest_start));
  fmt::print("reproduce: ./build/bench/client_bench -n {}\n", calls);
  return 0;
}
