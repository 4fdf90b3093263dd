// Next fire times of cron expressions in UTC and in IANA zones, with the daylight saving rules.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "runtime/engine/time_text.hpp"
#include "runtime/schedule/cron_times.hpp"

using namespace auraos::runtime::schedule;
using auraos::runtime::engine::format_rfc3339_seconds;
using auraos::runtime::engine::parse_rfc3339_ms;
using strings = std::vector<std::string>;

namespace {

std::int64_t ms(const std::string& text) {
  auto value = parse_rfc3339_ms(text);
  BOOST_REQUIRE_MESSAGE(value.has_value(), text);
  return *value;
}

/// The next `count` fire times after `from` as RFC 3339 text.
strings next(const std::string& expression, const std::string& zone, const std::string& from,
             std::size_t count) {
  auto expr = parse_cron(expression);
  if (!expr) BOOST_FAIL(expression << ": " << expr.error().to_string());
  auto times = next_cron_times(*expr, zone, ms(from), count);
  if (!times) BOOST_FAIL(expression << ": " << times.error().to_string());
  strings texts;
  for (auto t : *times) texts.push_back(format_rfc3339_seconds(t));
  return texts;
}

std::uint64_t count(const std::string& expression, const std::string& zone,
                    const std::string& after, const std::string& until) {
  auto zone_ptr = find_time_zone(zone);
  BOOST_REQUIRE(zone_ptr.has_value());
  return count_cron_times(*parse_cron(expression), **zone_ptr, ms(after), ms(until));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cron_times)

BOOST_AUTO_TEST_CASE(times_are_strictly_after_the_start) {
  BOOST_TEST(next("*/15 * * * *", "UTC", "2026-12-03T01:07:00Z", 4) ==
             (strings{"2026-12-03T01:15:00Z", "2026-12-03T01:30:00Z", "2026-12-03T01:45:00Z",
                      "2026-12-03T02:00:00Z"}));
  BOOST_TEST(next("0 1 * * *", "UTC", "2026-12-03T01:00:00Z", 1) ==
             (strings{"2026-12-04T01:00:00Z"}));
  BOOST_TEST(next("0 1 * * *", "UTC", "2026-12-03T00:59:59.999Z", 1) ==
             (strings{"2026-12-03T01:00:00Z"}));
}

BOOST_AUTO_TEST_CASE(seconds_months_and_leap_days) {
  BOOST_TEST(next("*/20 * * * * *", "UTC", "2026-12-31T23:59:30Z", 3) ==
             (strings{"2026-12-31T23:59:40Z", "2027-01-01T00:00:00Z", "2027-01-01T00:00:20Z"}));
  BOOST_TEST(next("0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z", 2) ==
             (strings{"2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"}));
  BOOST_TEST(next("0 0 29 2 *", "UTC", "2097-01-01T00:00:00Z", 1) ==
             (strings{"2104-02-29T00:00:00Z"}));  // 2100 is no leap year
  BOOST_TEST(next("@monthly", "UTC", "2026-01-31T12:00:00Z", 2) ==
             (strings{"2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"}));
  BOOST_TEST(next("0 0 31 * *", "UTC", "2026-01-31T12:00:00Z", 2) ==
             (strings{"2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z"}));
}

BOOST_AUTO_TEST_CASE(both_day_fields_restricted_fire_on_either) {
  // 2026-11-30 is a Monday, 2026-12-01 a Tuesday.
  BOOST_TEST(next("0 0 1 * MON", "UTC", "2026-11-25T00:00:00Z", 3) ==
             (strings{"2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z", "2026-12-07T00:00:00Z"}));
  BOOST_TEST(next("0 0 * * MON", "UTC", "2026-11-25T00:00:00Z", 2) ==
             (strings{"2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z"}));
  BOOST_TEST(next("0 0 1 * *", "UTC", "2026-11-25T00:00:00Z", 1) ==
             (strings{"2026-12-01T00:00:00Z"}));
}

BOOST_AUTO_TEST_CASE(zones_shift_local_times) {
  BOOST_TEST(next("0 9 * * *", "Asia/Kolkata", "2026-12-03T00:00:00Z", 2) ==
             (strings{"2026-12-03T03:30:00Z", "2026-12-04T03:30:00Z"}));
  BOOST_TEST(next("0 2 * * *", "Europe/Berlin", "2026-07-01T00:00:00Z", 1) ==
             (strings{"2026-07-02T00:00:00Z"}));
  BOOST_TEST(next("0 2 * * *", "Europe/Berlin", "2026-12-01T00:00:00Z", 1) ==
             (strings{"2026-12-01T01:00:00Z"}));
}

// Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST (01:00Z); 2026-10-25 03:00 CEST becomes
// 02:00 CET (01:00Z), so local 02:00-02:59 happens at 00:00Z-00:59Z and again at 01:00Z-01:59Z.
BOOST_AUTO_TEST_CASE(berlin_fixed_time_in_the_gap_fires_once_when_the_gap_ends) {
  BOOST_TEST(next("30 2 * * *", "Europe/Berlin", "2026-03-28T00:00:00Z", 3) ==
             (strings{"2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"}));
  BOOST_TEST(next("*/15 2 * * *", "Europe/Berlin", "2026-03-28T12:00:00Z", 3) ==
             (strings{"2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z", "2026-03-30T00:15:00Z"}));
}

BOOST_AUTO_TEST_CASE(berlin_fixed_time_in_the_repeated_hour_fires_in_the_first_pass) {
  BOOST_TEST(next("30 2 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z", 2) ==
             (strings{"2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"}));
  BOOST_TEST(next("30 2 * * *", "Europe/Berlin", "2026-10-25T01:10:00Z", 1) ==
             (strings{"2026-10-26T01:30:00Z"}));  // from inside the second pass
  BOOST_TEST(next("*/15 2 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z", 5) ==
             (strings{"2026-10-25T00:00:00Z", "2026-10-25T00:15:00Z", "2026-10-25T00:30:00Z",
                      "2026-10-25T00:45:00Z", "2026-10-26T01:00:00Z"}));
}

BOOST_AUTO_TEST_CASE(berlin_star_hour_fires_at_every_real_matching_instant) {
  BOOST_TEST(next("30 * * * *", "Europe/Berlin", "2026-10-25T00:00:00Z", 3) ==
             (strings{"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z"}));
  BOOST_TEST(next("30 * * * *", "Europe/Berlin", "2026-03-29T00:00:00Z", 3) ==
             (strings{"2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "2026-03-29T02:30:00Z"}));
}

// New York: 2026-03-08 02:00 EST becomes 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT becomes
// 01:00 EST (06:00Z), so local 01:00-01:59 happens at 05:00Z-05:59Z and again at 06:00Z-06:59Z.
BOOST_AUTO_TEST_CASE(new_york_spring_forward) {
  BOOST_TEST(next("0 2 * * *", "America/New_York", "2026-03-07T12:00:00Z", 2) ==
             (strings{"2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z"}));
  BOOST_TEST(next("*/20 30 2 * * *", "America/New_York", "2026-03-08T00:00:00Z", 3) ==
             (strings{"2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z", "2026-03-09T06:30:20Z"}));
  BOOST_TEST(next("0 2,3 * * *", "America/New_York", "2026-03-08T00:00:00Z", 3) ==
             (strings{"2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z", "2026-03-09T07:00:00Z"}));
  BOOST_TEST(next("0 */2 * * *", "America/New_York", "2026-03-08T04:00:00Z", 2) ==
             (strings{"2026-03-08T05:00:00Z", "2026-03-08T08:00:00Z"}));
  BOOST_TEST(next("30 * * * *", "America/New_York", "2026-03-08T06:00:00Z", 2) ==
             (strings{"2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"}));
}

BOOST_AUTO_TEST_CASE(new_york_fall_back) {
  BOOST_TEST(next("0 30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z", 2) ==
             (strings{"2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"}));
  BOOST_TEST(next("30 * * * *", "America/New_York", "2026-11-01T04:00:00Z", 4) ==
             (strings{"2026-11-01T04:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z",
                      "2026-11-01T07:30:00Z"}));
  BOOST_TEST(next("0 1-23/2 * * *", "America/New_York", "2026-11-01T04:30:00Z", 3) ==
             (strings{"2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T08:00:00Z"}));
  BOOST_TEST(next("0 1,3 * * *", "America/New_York", "2026-11-01T04:30:00Z", 2) ==
             (strings{"2026-11-01T05:00:00Z", "2026-11-01T08:00:00Z"}));
  BOOST_TEST(next("*/30 1 * * *", "America/New_York", "2026-11-01T04:30:00Z", 3) ==
             (strings{"2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:00:00Z"}));
}

// Lord Howe shifts by 30 minutes: 2026-04-04 02:00 (+11) becomes 01:30 (+10:30) at 15:00Z, and
// 2026-10-04 02:00 (+10:30) becomes 02:30 (+11) at 15:30Z.
BOOST_AUTO_TEST_CASE(lord_howe_half_hour_shifts) {
  BOOST_TEST(next("*/15 1 * * *", "Australia/Lord_Howe", "2026-04-04T13:30:00Z", 5) ==
             (strings{"2026-04-04T14:00:00Z", "2026-04-04T14:15:00Z", "2026-04-04T14:30:00Z",
                      "2026-04-04T14:45:00Z", "2026-04-05T14:30:00Z"}));
  BOOST_TEST(next("*/15 * * * *", "Australia/Lord_Howe", "2026-04-04T14:40:00Z", 4) ==
             (strings{"2026-04-04T14:45:00Z", "2026-04-04T15:00:00Z", "2026-04-04T15:15:00Z",
                      "2026-04-04T15:30:00Z"}));
  BOOST_TEST(next("30 1,2,3 * * *", "Australia/Lord_Howe", "2026-10-03T00:15:00Z", 3) ==
             (strings{"2026-10-03T15:00:00Z", "2026-10-03T15:30:00Z", "2026-10-03T16:30:00Z"}));
  BOOST_TEST(next("*/15 2 * * *", "Australia/Lord_Howe", "2026-10-03T12:00:00Z", 3) ==
             (strings{"2026-10-03T15:30:00Z", "2026-10-03T15:45:00Z", "2026-10-04T15:00:00Z"}));
}

BOOST_AUTO_TEST_CASE(counting_agrees_with_the_listed_times_across_transitions) {
  BOOST_TEST(count("*/15 2 * * *", "Europe/Berlin", "2026-03-28T00:00:00Z",
                   "2026-03-30T12:00:00Z") == 4u + 1u + 4u);
  BOOST_TEST(count("*/15 2 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z",
                   "2026-10-26T12:00:00Z") == 4u + 4u);
  BOOST_TEST(count("30 * * * *", "Europe/Berlin", "2026-10-24T23:00:00Z",
                   "2026-10-25T23:00:00Z") == 24u);  // a 25-hour local day, 24 real hours
  BOOST_TEST(count("30 * * * *", "Europe/Berlin", "2026-03-28T23:00:00Z",
                   "2026-03-29T22:00:00Z") == 23u);  // the 23 real hours of the local day
  BOOST_TEST(count("* * * * * *", "UTC", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z") ==
             365u * 86400u);
  BOOST_TEST(count("0 0 1 * *", "UTC", "2026-01-01T00:00:00Z", "2026-12-01T00:00:00Z") == 11u);
}

BOOST_AUTO_TEST_CASE(an_unknown_zone_is_an_error_naming_it) {
  auto times = next_cron_times(*parse_cron("* * * * *"), "Mars/Olympus_Mons", 0, 1);
  BOOST_REQUIRE(!times.has_value());
  BOOST_TEST(times.error().to_string() == "unknown time zone 'Mars/Olympus_Mons'");
  BOOST_TEST(!find_time_zone("").has_value());
  BOOST_TEST(find_time_zone("UTC").has_value());
}

BOOST_AUTO_TEST_CASE(an_expression_without_a_fire_time_in_the_horizon_is_an_error) {
  cron_expression never = *parse_cron("0 0 * * *");
  never.months = 0;  // cannot be written (parsing refuses it), but the search must still end
  auto times = next_cron_times(never, "UTC", 0, 3);
  BOOST_REQUIRE(!times.has_value());
  BOOST_TEST(times.error().message ==
             "the expression does not fire within 9 years in time zone UTC");
}

BOOST_AUTO_TEST_SUITE_END()
