// The dashboard's executions metrics as pure functions: windows, buckets and percentiles.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "runtime/engine/time_text.hpp"
#include "runtime/metrics/execution_series.hpp"

using namespace auraos::runtime::metrics;
using auraos::runtime::engine::parse_rfc3339_ms;
using opt = std::optional<std::string_view>;

namespace {

constexpr std::int64_t minute = 60000;
/// 2026-01-01T00:00:00Z.
const std::int64_t t0 = *parse_rfc3339_ms("2026-01-01T00:00:00Z");

}  // namespace

BOOST_AUTO_TEST_SUITE(execution_series)

BOOST_AUTO_TEST_CASE(a_window_defaults_to_the_last_hour_in_whole_minute_buckets) {
  auto window = make_series_window(std::nullopt, std::nullopt, std::nullopt, t0 + 90 * 1000);
  BOOST_REQUIRE(window.has_value());
  BOOST_TEST(window->to_ms == t0 + 2 * minute);
  BOOST_TEST(window->from_ms == t0 + 2 * minute - 60 * minute);
  BOOST_TEST(window->interval_ms == minute);
  BOOST_TEST(window->buckets() == 60);
}

BOOST_AUTO_TEST_CASE(a_window_takes_from_to_and_interval_and_cuts_a_short_last_bucket) {
  struct row {
    opt from, to, interval;
    std::int64_t from_ms, to_ms, buckets;
  };
  const std::vector<row> table{
      {"2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "300", t0, t0 + 60 * minute, 12},
      {"2026-01-01T00:00:00Z", "2026-01-01T00:10:30Z", "60", t0, t0 + 630000, 11},
      {std::nullopt, "2026-01-01T01:00:00Z", std::nullopt, t0, t0 + 60 * minute, 60},
      {"2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "60", t0, t0 + 1440 * minute, 1440},
      {"2026-01-01T00:30:00+01:00", "2026-01-01T00:00:00Z", "60", t0 - 30 * minute, t0, 30},
      {"2026-01-01T00:00:00+01:00", "2026-01-01T00:00:01Z", "1", 0, 0, -1},  // 3601 buckets
  };
  for (const auto& r : table) {
    auto window = make_series_window(r.from, r.to, r.interval, t0);
    if (r.buckets < 0) {
      BOOST_TEST(!window.has_value());
      continue;
    }
    BOOST_REQUIRE(window.has_value());
    BOOST_TEST(window->from_ms == r.from_ms);
    BOOST_TEST(window->to_ms == r.to_ms);
    BOOST_TEST(window->buckets() == r.buckets);
  }
}

BOOST_AUTO_TEST_CASE(bad_window_values_name_their_parameter) {
  struct row {
    opt from, to, interval;
    std::string names;
  };
  const std::vector<row> table{
      {"yesterday", std::nullopt, std::nullopt, "'from'"},
      {std::nullopt, "2026-13-01T00:00:00Z", std::nullopt, "'to'"},
      {std::nullopt, std::nullopt, "0", "'interval'"},
      {std::nullopt, std::nullopt, "-5", "'interval'"},
      {std::nullopt, std::nullopt, "1.5", "'interval'"},
      {std::nullopt, std::nullopt, "99999999999999999999", "'interval'"},
      {std::nullopt, std::nullopt, "", "'interval'"},
      {"2026-01-01T01:00:00Z", "2026-01-01T00:00:00Z", std::nullopt, "'from' must be before"},
      {"2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", std::nullopt, "'from' must be before"},
      {"2026-01-01T00:00:00Z", "2026-01-03T00:00:00Z", "60", "at most 1440"},
  };
  for (const auto& r : table) {
    auto window = make_series_window(r.from, r.to, r.interval, t0);
    BOOST_TEST_CONTEXT(r.names) {
      BOOST_REQUIRE(!window.has_value());
      BOOST_TEST(window.error().find(r.names) != std::string::npos, window.error());
    }
  }
}

BOOST_AUTO_TEST_CASE(nearest_rank_percentiles_of_sorted_values) {
  const std::vector<std::int64_t> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  BOOST_TEST(*nearest_rank(ten, 0.5) == 5);
  BOOST_TEST(*nearest_rank(ten, 0.95) == 10);
  BOOST_TEST(*nearest_rank(ten, 0.99) == 10);
  BOOST_TEST(*nearest_rank({42}, 0.5) == 42);
  BOOST_TEST(!nearest_rank({}, 0.5).has_value());
  std::vector<std::int64_t> hundred;
  for (int i = 1; i <= 100; ++i) hundred.push_back(i);
  BOOST_TEST(*nearest_rank(hundred, 0.95) == 95);
  BOOST_TEST(*nearest_rank(hundred, 0.99) == 99);
}

BOOST_AUTO_TEST_CASE(starts_and_ends_land_in_their_buckets_and_outsiders_are_ignored) {
  series_window window{t0, t0 + 3 * minute, minute};
  std::vector<std::int64_t> started{t0, t0 + 59999, t0 + minute, t0 - 1, t0 + 3 * minute};
  std::vector<ended_sample> ended{{t0 + 10, "completed", 100},
                                  {t0 + 20, "completed", 300},
                                  {t0 + 30, "failed", 200},
                                  {t0 + minute + 1, "timed_out", 50},
                                  {t0 + minute + 2, "cancelled", std::nullopt},
                                  {t0 + 2 * minute, "completed", 7},
                                  {t0 + 3 * minute, "completed", 9}};
  auto buckets = bucket_executions(window, started, ended);
  BOOST_REQUIRE(buckets.size() == 3u);
  BOOST_TEST(buckets[0].start_ms == t0);
  BOOST_TEST(buckets[0].started == 2);
  BOOST_TEST(buckets[0].completed == 2);
  BOOST_TEST(buckets[0].failed == 1);
  BOOST_TEST(*buckets[0].duration.p50 == 200);
  BOOST_TEST(*buckets[0].duration.p99 == 300);
  BOOST_TEST(buckets[1].started == 1);
  BOOST_TEST(buckets[1].failed == 1);
  BOOST_TEST(buckets[1].cancelled == 1);
  BOOST_TEST(*buckets[1].duration.p95 == 50);
  BOOST_TEST(buckets[2].started == 0);
  BOOST_TEST(buckets[2].completed == 1);
  BOOST_TEST(*buckets[2].duration.p50 == 7);
}

BOOST_AUTO_TEST_CASE(a_bucket_where_nothing_ended_has_no_percentiles) {
  auto buckets = bucket_executions({t0, t0 + minute, minute}, {t0}, {});
  BOOST_REQUIRE(buckets.size() == 1u);
  BOOST_TEST(buckets[0].started == 1);
  BOOST_TEST(!buckets[0].duration.p50.has_value());
  BOOST_TEST(!buckets[0].duration.p95.has_value());
  BOOST_TEST(!buckets[0].duration.p99.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
