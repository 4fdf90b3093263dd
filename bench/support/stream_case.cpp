// events_bench: publish → SSE subscriber latency at a paced rate.

#include <algorithm>
#include <set>
#include <utility>

#include "bench/support/event_bodies.hpp"
#include "bench/support/events_cases.hpp"
#include "tests/support/sse_client.hpp"

namespace auraos::bench {

namespace {

using namespace std::chrono_literals;

/// How long the subscriber may stay silent, after the publishers finished, before the events
/// still missing count as lost.
constexpr auto quiet_deadline = 30s;

double ms_of(std::int64_t ns) {
  return static_cast<double>(ns) / 1e6;
}

bool is_event_or_end(const test::sse_message& m) {
  return m.event == "event" || m.event == "overflow" || m.event == "error";
}

/// Reads the subscriber's messages up to the one completing `expected` events (or its end,
/// or silence past the deadline) and fills the latencies; the publishers already returned.
void collect(test::sse_client& subscriber, std::int64_t expected, const paced_outcome& published,
             stream_figures& out) {
  std::size_t from = 0;
  std::int64_t seen = 0;
  while (seen < expected) {
    int at = subscriber.wait_for(is_event_or_end, quiet_deadline, from);
    if (at < 0) break;
    from = static_cast<std::size_t>(at) + 1;
    ++seen;
  }
  std::set<std::pair<std::int64_t, std::int64_t>> distinct;
  auto due0 = steady_ns(published.start);
  for (const auto& m : subscriber.messages()) {
    if (m.event == "overflow" || m.event == "error") {
      out.overflow = m.event == "overflow";
      out.error = "the stream ended: " + m.event + " " + m.data;
      continue;
    }
    if (m.event != "event") continue;
    auto tick = json_integer(m.data, "tick");
    if (!distinct.insert({tick, json_integer(m.data, "i")}).second) {
      ++out.duplicates;
      continue;
    }
    auto received = steady_ns(m.received);
    out.from_send_ms.push_back(ms_of(received - json_integer(m.data, "sentNs")));
    out.from_due_ms.push_back(ms_of(received - due0) - double(tick) * out.period_ms);
    out.delivered_seconds = std::max(out.delivered_seconds, ms_of(received - due0) / 1000.0);
  }
  out.received = static_cast<std::int64_t>(distinct.size());
}

}  // namespace

stream_figures measure_stream(rest_node& node, const pace& p) {
  return measure_stream(node.port(), node.port(), p);
}

stream_figures measure_stream(std::uint16_t subscribe_port, std::uint16_t publish_port,
                              const pace& p) {
  stream_figures out;
  out.period_ms = static_cast<double>(p.period.count());
  test::sse_client subscriber{subscribe_port, "/api/v1/events/stream?type=" + p.type};
  if (subscriber.wait_status() != 200) {
    out.error = "GET /api/v1/events/stream: " + subscriber.body();
    return out;
  }
  auto live = [](const test::sse_message& m) { return m.event.empty() && m.data == "live"; };
  if (subscriber.wait_for(live, 10s) < 0) {
    out.error = "the stream sent no ': live' within 10 s";
    return out;
  }
  out.published = publish_paced(publish_port, p);
  if (!out.published.error.empty()) out.error = out.published.error;
  collect(subscriber, out.published.ticks * out.published.per_tick, out.published, out);
  return out;
}

}  // namespace auraos::bench
