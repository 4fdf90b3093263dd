#include "bench/support/paced_publisher.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "bench/support/event_bodies.hpp"
#include "tests/support/http_client.hpp"

namespace auraos::bench {

namespace {

using clock_type = std::chrono::steady_clock;

double ms_between(clock_type::time_point from, clock_type::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

paced_outcome publish_paced(std::uint16_t port, const pace& p) {
  return send_paced(
      port, p,
      [&p](std::int64_t tick, std::int64_t per_tick, clock_type::time_point sent) {
        auto body = event_batch(
            bench_events(p.type, static_cast<std::size_t>(per_tick), tick, steady_ns(sent), p.pad));
        return test::http_call{
            "POST", "/api/v1/events", body, {{"Content-Type", "application/json"}}};
      },
      201);
}

paced_outcome send_paced(std::uint16_t port, const pace& p, const tick_request& request,
                         int expected_status) {
  paced_outcome out;
  out.per_tick = std::max<std::int64_t>(1, p.rate * p.period.count() / 1000);
  const std::int64_t ticks = p.duration / p.period;
  std::mutex mutex;
  std::atomic<bool> failed{false};
  out.start = clock_type::now() + std::chrono::milliseconds(50);
  auto run = [&](int publisher) {
    std::vector<double> post_ms;
    double max_lag = 0;
    std::int64_t answered = 0;
    std::string error;
    clock_type::time_point last = out.start;
    try {
      test::http_connection connection{"127.0.0.1", port, std::chrono::seconds(60)};
      for (std::int64_t tick = publisher; tick < ticks && !failed; tick += p.publishers) {
        auto due = out.start + tick * p.period;
        std::this_thread::sleep_until(due);
        auto sent = clock_type::now();
        max_lag = std::max(max_lag, ms_between(due, sent));
        auto call = request(tick, out.per_tick, sent);
        auto reply = connection.request(call);
        last = clock_type::now();
        post_ms.push_back(ms_between(sent, last));
        if (reply.status != expected_status)
          throw std::runtime_error(call.method + " " + call.target + " answered " +
                                   std::to_string(reply.status) + ": " +
                                   reply.body.substr(0, 300));
        ++answered;
      }
    } catch (const std::exception& e) {
      error = e.what();
      failed = true;
    }
    std::lock_guard lock{mutex};
    if (out.error.empty()) out.error = error;
    out.ticks += answered;
    out.max_lag_ms = std::max(out.max_lag_ms, max_lag);
    out.seconds = std::max(out.seconds, ms_between(out.start, last) / 1000.0);
    out.post_ms.insert(out.post_ms.end(), post_ms.begin(), post_ms.end());
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < p.publishers; ++i) threads.emplace_back(run, i);
  for (auto& thread : threads) thread.join();
  return out;
}

}  // namespace auraos::bench
