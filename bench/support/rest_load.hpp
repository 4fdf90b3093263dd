#pragma once
// HTTP load for rest_bench: `clients` threads, each with one keep-alive connection, send one
// request after another until `count` were answered.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/http_client.hpp"

namespace auraos::bench {

/// What the clients saw once every request was answered (or one failed).
struct load_outcome {
  /// Milliseconds from writing each answered request to reading its response.
  std::vector<double> latencies_ms;
  /// The first failure (transport error or unexpected status); empty when none.
  std::string error;
  /// Seconds from the start until the last response.
  double seconds = 0;
};

/// Sends `count` copies of `call` to 127.0.0.1:`port` from `clients` threads; a response
/// whose status is not `expected_status` stops every client.
class rest_load {
 public:
  /// Starts the clients at once.
  rest_load(std::uint16_t port, test::http_call call, int expected_status, std::int64_t count,
            int clients);
  /// Waits for the clients.
  ~rest_load();
  rest_load(const rest_load&) = delete;
  rest_load& operator=(const rest_load&) = delete;

  /// Requests answered so far.
  std::int64_t answered() const { return answered_.load(); }
  /// True once a client failed.
  bool failed() const { return failed_.load(); }
  /// Lets every client stop after its current request.
  void stop() { stopped_ = true; }
  /// Waits for every client; what they saw.
  load_outcome wait();

 private:
  void run_client(std::uint16_t port);
  void fail_with(std::string error);

  test::http_call call_;
  int expected_status_;
  std::int64_t count_;
  std::chrono::steady_clock::time_point began_;
  std::atomic<std::int64_t> next_{0};
  std::atomic<std::int64_t> answered_{0};
  std::atomic<bool> failed_{false};
  std::atomic<bool> stopped_{false};
  std::mutex mutex_;
  load_outcome outcome_;
  std::vector<std::thread> clients_;
};

/// The `q` quantile (0..1) of `values` by the nearest-rank method; 0 when empty.
double quantile(std::vector<double> values, double q);

}  // namespace auraos::bench
