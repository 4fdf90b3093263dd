#pragma once
// The publisher of events_bench's stream case: a batch of `rate × period` events every
// `period` (tick k is due at start + k × period), from `publishers` threads that take the
// ticks in turn over their own keep-alive connections. Each event's data holds its tick and the
// time its POST was written; a publisher that is late sends at once (the lag is recorded), so a
// node that cannot keep the rate shows as a lower rate achieved and a lag, not as lost ticks.
// `send_paced` is the same pace with any request per tick (tasks_bench's steady case).

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "tests/support/http_client.hpp"

namespace auraos::bench {

/// The pace and the events.
struct pace {
  std::int64_t rate = 10000;                  ///< Events per second asked for.
  std::chrono::milliseconds period{10};       ///< One batch per period.
  std::chrono::milliseconds duration{10000};  ///< How long to publish.
  int publishers = 4;                         ///< Threads (connections).
  std::size_t pad = 64;                       ///< Bytes of padding in each event's data.
  std::string type = "bench.paced";           ///< The events' type.
};

/// What the publishers did.
struct paced_outcome {
  std::chrono::steady_clock::time_point start;  ///< When tick 0 was due.
  std::int64_t ticks = 0;                       ///< Batches answered 201.
  std::int64_t per_tick = 0;                    ///< Events per batch.
  double seconds = 0;                           ///< From tick 0 due to the last answer.
  double max_lag_ms = 0;        ///< The latest a batch was written after it was due.
  std::vector<double> post_ms;  ///< Each POST's latency (write to answer).
  std::string error;            ///< The first failure; empty when none.
};

/// Publishes at `p` to 127.0.0.1:`port`; returns when every tick was answered or one failed.
paced_outcome publish_paced(std::uint16_t port, const pace& p);

/// The request of tick `tick` carrying `per_tick` items, written at `sent` (steady clock).
using tick_request = std::function<test::http_call(std::int64_t tick, std::int64_t per_tick,
                                                   std::chrono::steady_clock::time_point sent)>;

/// Sends `request`'s call of every tick at the pace of `p` (rate, period, duration,
/// publishers; not its events) to 127.0.0.1:`port`; an answer other than `expected_status`
/// stops every publisher.
paced_outcome send_paced(std::uint16_t port, const pace& p, const tick_request& request,
                         int expected_status);

}  // namespace auraos::bench
