#include "bench/support/rest_load.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

namespace auraos::bench {

namespace {

/// How long one request may take before the client gives up.
constexpr std::chrono::seconds request_timeout{60};

double ms_since(std::chrono::steady_clock::time_point from) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - from).count();
}

}  // namespace

rest_load::rest_load(std::uint16_t port, test::http_call call, int expected_status,
                     std::int64_t count, int clients)
    : call_(std::move(call)),
      expected_status_(expected_status),
      count_(count),
      began_(std::chrono::steady_clock::now()) {
  outcome_.latencies_ms.reserve(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
  for (int i = 0; i < clients; ++i) clients_.emplace_back([this, port] { run_client(port); });
}

rest_load::~rest_load() {
  for (auto& client : clients_)
    if (client.joinable()) client.join();
}

load_outcome rest_load::wait() {
  for (auto& client : clients_)
    if (client.joinable()) client.join();
  std::lock_guard lock{mutex_};
  return outcome_;
}

void rest_load::run_client(std::uint16_t port) {
  std::vector<double> latencies;
  try {
    test::http_connection connection{"127.0.0.1", port, request_timeout};
    while (!failed_.load() && !stopped_.load() && next_.fetch_add(1) < count_) {
      auto sent = std::chrono::steady_clock::now();
      auto reply = connection.request(call_);
      latencies.push_back(ms_since(sent));
      if (reply.status != expected_status_) {
        fail_with(call_.method + " " + call_.target + " answered " + std::to_string(reply.status) +
                  " (expected " + std::to_string(expected_status_) + "): " + reply.body);
        break;
      }
      ++answered_;
    }
  } catch (const std::exception& e) {
    fail_with(e.what());
  }
  std::lock_guard lock{mutex_};
  outcome_.latencies_ms.insert(outcome_.latencies_ms.end(), latencies.begin(), latencies.end());
  outcome_.seconds = std::max(outcome_.seconds, ms_since(began_) / 1000.0);
}

void rest_load::fail_with(std::string error) {
  std::lock_guard lock{mutex_};
  if (outcome_.error.empty()) outcome_.error = std::move(error);
  failed_ = true;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

}  // namespace auraos::bench
