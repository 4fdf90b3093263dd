// Cutting a window into buckets, counting starts and ends, and their duration percentiles.

#include "runtime/metrics/execution_series.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "runtime/engine/time_text.hpp"

namespace auraos::runtime::metrics {
namespace {

constexpr std::int64_t default_span_ms = 3600 * 1000;
constexpr std::int64_t default_interval_s = 60;

result<std::optional<std::int64_t>, std::string> parse_time(std::optional<std::string_view> text,
                                                            std::string_view name) {
  if (!text) return std::optional<std::int64_t>{};
  auto ms = engine::parse_rfc3339_ms(*text);
  if (!ms)
    return fail(fmt::format("query parameter '{}' must be an RFC 3339 time, got '{}'", name,
                            text->substr(0, 100)));
  return std::optional<std::int64_t>{*ms};
}

result<std::int64_t, std::string> parse_interval(std::optional<std::string_view> text) {
  if (!text) return default_interval_s;
  std::int64_t seconds = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
  if (ec != std::errc{} || end != text->data() + text->size() || seconds < 1 ||
      seconds > 366 * 86400)
    return fail(fmt::format(
        "query parameter 'interval' must be a whole number of seconds from 1 to {}, got '{}'",
        366 * 86400, text->substr(0, 100)));
  return seconds;
}

/// The bucket of `at_ms`, or -1 when it is outside the window.
std::int64_t bucket_of(const series_window& window, std::int64_t at_ms) {
  if (at_ms < window.from_ms || at_ms >= window.to_ms) return -1;
  return (at_ms - window.from_ms) / window.interval_ms;
}

}  // namespace

result<series_window, std::string> make_series_window(std::optional<std::string_view> from,
                                                      std::optional<std::string_view> to,
                                                      std::optional<std::string_view> interval,
                                                      std::int64_t now_ms) {
  auto seconds = parse_interval(interval);
  if (!seconds) return fail(seconds.error());
  auto start = parse_time(from, "from");
  if (!start) return fail(start.error());
  auto end = parse_time(to, "to");
  if (!end) return fail(end.error());
  series_window window;
  window.interval_ms = *seconds * 1000;
  if (!*start && !*end) {
    // Whole buckets up to now, so that a dashboard refreshing sees the same bucket starts.
    window.to_ms = (now_ms / window.interval_ms + 1) * window.interval_ms;
    window.from_ms = window.to_ms - default_span_ms;
  } else {
    window.to_ms = end->value_or(start->has_value() ? std::max(now_ms, **start + 1) : now_ms);
    window.from_ms = start->value_or(window.to_ms - default_span_ms);
  }
  if (window.from_ms >= window.to_ms)
    return fail(std::string{"query parameter 'from' must be before 'to'"});
  if (window.buckets() > max_buckets)
    return fail(fmt::format(
        "query parameters 'from', 'to' and 'interval' make {} buckets; at most {} are allowed",
        window.buckets(), max_buckets));
  return window;
}

std::optional<std::int64_t> nearest_rank(const std::vector<std::int64_t>& sorted, double q) {
  if (sorted.empty()) return std::nullopt;
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::vector<series_bucket> bucket_executions(const series_window& window,
                                             const std::vector<std::int64_t>& started_ms,
                                             const std::vector<ended_sample>& ended) {
  auto count = static_cast<std::size_t>(window.buckets());
  std::vector<series_bucket> buckets(count);
  for (std::size_t i = 0; i < count; ++i)
    buckets[i].start_ms = window.from_ms + static_cast<std::int64_t>(i) * window.interval_ms;
  for (auto at : started_ms)
    if (auto b = bucket_of(window, at); b >= 0) ++buckets[static_cast<std::size_t>(b)].started;
  std::vector<std::vector<std::int64_t>> durations(count);
  for (const auto& end : ended) {
    auto b = bucket_of(window, end.at_ms);
    if (b < 0) continue;
    auto& bucket = buckets[static_cast<std::size_t>(b)];
    if (end.status == "completed") ++bucket.completed;
    if (end.status == "failed" || end.status == "timed_out") ++bucket.failed;
    if (end.status == "cancelled") ++bucket.cancelled;
    if (end.duration_ms) durations[static_cast<std::size_t>(b)].push_back(*end.duration_ms);
  }
  for (std::size_t i = 0; i < count; ++i) {
    std::sort(durations[i].begin(), durations[i].end());
    buckets[i].duration = {nearest_rank(durations[i], 0.50), nearest_rank(durations[i], 0.95),
                           nearest_rank(durations[i], 0.99)};
  }
  return buckets;
}

}  // namespace auraos::runtime::metrics
