#pragma once
// The events events_bench publishes: one shape for every case (the store, the SSE stream, the
// Redis peer), so each carries the same bytes; `data` holds the tick and the send time.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace auraos::bench {

/// Nanoseconds of the steady clock's epoch at `at` (the bench and its reader share the clock).
inline std::int64_t steady_ns(std::chrono::steady_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count();
}

/// One event as the request's JSON text: `type`, source `bench`, data `{tick, i, sentNs, pad}`
/// where pad is `pad` bytes of 'x'.
inline std::string bench_event(std::string_view type, std::int64_t tick, std::int64_t index,
                               std::int64_t sent_ns, std::size_t pad) {
  return fmt::format(
      R"({{"type":"{}","source":"bench","data":{{"tick":{},"i":{},"sentNs":{},"pad":"{}"}}}})",
      type, tick, index, sent_ns, std::string(pad, 'x'));
}

/// `count` events of the same tick, `i` = 0, 1, ...
inline std::vector<std::string> bench_events(std::string_view type, std::size_t count,
                                             std::int64_t tick, std::int64_t sent_ns,
                                             std::size_t pad) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(bench_event(type, tick, static_cast<std::int64_t>(i), sent_ns, pad));
  return out;
}

/// A batch for `POST /api/v1/events`: `events` as one JSON array.
inline std::string event_batch(const std::vector<std::string>& events) {
  return "[" + fmt::format("{}", fmt::join(events, ",")) + "]";
}

/// The integer after `"name":` in a stored event's JSON text; -1 when absent.
inline std::int64_t json_integer(std::string_view text, std::string_view name) {
  auto key = fmt::format("\"{}\":", name);
  auto at = text.find(key);
  if (at == std::string_view::npos) return -1;
  std::int64_t value = 0;
  bool any = false;
  for (at += key.size(); at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, any = true)
    value = value * 10 + (text[at] - '0');
  return any ? value : -1;
}

}  // namespace auraos::bench
