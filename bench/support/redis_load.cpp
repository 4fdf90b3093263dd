#include "bench/support/redis_load.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "bench/support/resp_client.hpp"

namespace auraos::bench {

namespace {

double ms_between(std::chrono::steady_clock::time_point from,
                  std::chrono::steady_clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

load_outcome redis_xadd_load(std::uint16_t port, const std::string& key,
                             const std::vector<std::string>& events, std::int64_t batches,
                             int clients) {
  std::string commands;
  for (const auto& event : events) append_resp_command(commands, {"XADD", key, "*", "e", event});
  const auto batch = events.size();
  std::atomic<std::int64_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  load_outcome outcome;
  auto began = std::chrono::steady_clock::now();
  auto run_client = [&] {
    std::vector<double> latencies;
    std::string error;
    try {
      resp_client client{port};
      while (!failed.load() && next.fetch_add(1) < batches) {
        auto sent = std::chrono::steady_clock::now();
        auto replies = client.pipeline(commands, batch);
        latencies.push_back(ms_between(sent, std::chrono::steady_clock::now()));
        if (std::any_of(replies.begin(), replies.end(), [](auto& id) { return id.empty(); }))
          throw std::runtime_error("redis: XADD answered no id");
      }
    } catch (const std::exception& e) {
      error = e.what();
      failed = true;
    }
    std::lock_guard lock{mutex};
    if (outcome.error.empty()) outcome.error = error;
    outcome.latencies_ms.insert(outcome.latencies_ms.end(), latencies.begin(), latencies.end());
    outcome.seconds =
        std::max(outcome.seconds, ms_between(began, std::chrono::steady_clock::now()) / 1000.0);
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) threads.emplace_back(run_client);
  for (auto& thread : threads) thread.join();
  return outcome;
}

std::int64_t redis_stream_length(std::uint16_t port, const std::string& key) {
  resp_client client{port};
  std::string command;
  append_resp_command(command, {"XLEN", key});
  return std::stoll(client.pipeline(command, 1).front());
}

}  // namespace auraos::bench
