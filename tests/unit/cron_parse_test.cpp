// Cron expressions: every syntax element, and every error with its position.
#include <boost/test/unit_test.hpp>

#include <initializer_list>
#include <string>

#include "runtime/schedule/cron_expression.hpp"

using namespace auraos::runtime::schedule;

namespace {

std::uint64_t bits(std::initializer_list<unsigned> values) {
  std::uint64_t result = 0;
  for (auto v : values) result |= std::uint64_t{1} << v;
  return result;
}

std::uint64_t range(unsigned low, unsigned high) {
  std::uint64_t result = 0;
  for (auto v = low; v <= high; ++v) result |= std::uint64_t{1} << v;
  return result;
}

cron_expression parsed(const std::string& text) {
  auto expr = parse_cron(text);
  if (!expr) BOOST_FAIL(text << ": " << expr.error().to_string());
  return *expr;
}

struct error_case {
  std::string text;
  std::size_t position;
  std::string message;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cron_parse)

BOOST_AUTO_TEST_CASE(five_fields_fire_at_second_zero_and_stars_allow_everything) {
  auto expr = parsed("* * * * *");
  BOOST_TEST(expr.seconds == bits({0}));
  BOOST_TEST(expr.minutes == range(0, 59));
  BOOST_TEST(expr.hours == range(0, 23));
  BOOST_TEST(expr.days_of_month == range(1, 31));
  BOOST_TEST(expr.months == range(1, 12));
  BOOST_TEST(expr.days_of_week == range(0, 6));
  BOOST_TEST(!expr.day_of_month_restricted);
  BOOST_TEST(!expr.day_of_week_restricted);
  BOOST_TEST(expr.hour_repeats);
}

BOOST_AUTO_TEST_CASE(six_fields_put_seconds_first) {
  auto expr = parsed("15,45 0 12 * * *");
  BOOST_TEST(expr.seconds == bits({15, 45}));
  BOOST_TEST(expr.minutes == bits({0}));
  BOOST_TEST(expr.hours == bits({12}));
  BOOST_TEST(!expr.hour_repeats);
}

BOOST_AUTO_TEST_CASE(lists_ranges_and_steps) {
  BOOST_TEST(parsed("1,5,9 * * * *").minutes == bits({1, 5, 9}));
  BOOST_TEST(parsed("10-13 * * * *").minutes == bits({10, 11, 12, 13}));
  BOOST_TEST(parsed("*/15 * * * *").minutes == bits({0, 15, 30, 45}));
  BOOST_TEST(parsed("1-30/7 * * * *").minutes == bits({1, 8, 15, 22, 29}));
  BOOST_TEST(parsed("5/10 * * * *").minutes == bits({5, 15, 25, 35, 45, 55}));
  BOOST_TEST(parsed("0 1-3,20-23/2 * * *").hours == bits({1, 2, 3, 20, 22}));
  BOOST_TEST(parsed("0 0 */10 * *").days_of_month == bits({1, 11, 21, 31}));
  BOOST_TEST(parsed("0 0 1 */5 *").months == bits({1, 6, 11}));
}

BOOST_AUTO_TEST_CASE(month_and_day_names_are_case_insensitive) {
  BOOST_TEST(parsed("0 0 1 JAN,jun,Dec *").months == bits({1, 6, 12}));
  BOOST_TEST(parsed("0 0 1 feb-Apr *").months == bits({2, 3, 4}));
  BOOST_TEST(parsed("0 0 * * mon-FRI").days_of_week == range(1, 5));
  BOOST_TEST(parsed("0 0 * * sun,Sat").days_of_week == bits({0, 6}));
}

BOOST_AUTO_TEST_CASE(zero_and_seven_are_both_sunday) {
  BOOST_TEST(parsed("0 0 * * 7").days_of_week == bits({0}));
  BOOST_TEST(parsed("0 0 * * 0").days_of_week == bits({0}));
  BOOST_TEST(parsed("0 0 * * 5-7").days_of_week == bits({0, 5, 6}));
}

BOOST_AUTO_TEST_CASE(macros_expand_to_their_five_fields) {
  BOOST_TEST(parsed("@yearly").months == bits({1}));
  BOOST_TEST(parsed("@annually").days_of_month == bits({1}));
  BOOST_TEST(parsed("@monthly").days_of_month == bits({1}));
  BOOST_TEST(parsed("@monthly").months == range(1, 12));
  BOOST_TEST(parsed("@weekly").days_of_week == bits({0}));
  BOOST_TEST(parsed("@daily").hours == bits({0}));
  BOOST_TEST(parsed("@midnight").minutes == bits({0}));
  BOOST_TEST(parsed("  @HOURLY ").hours == range(0, 23));
  BOOST_TEST(parsed("@hourly").hour_repeats);
  BOOST_TEST(!parsed("@daily").hour_repeats);
}

BOOST_AUTO_TEST_CASE(hour_repeats_only_with_a_star_or_a_step_in_the_hour_field) {
  BOOST_TEST(parsed("0 */2 * * *").hour_repeats);
  BOOST_TEST(parsed("0 1-23/2 * * *").hour_repeats);
  BOOST_TEST(parsed("0 5/3 * * *").hour_repeats);
  BOOST_TEST(!parsed("0 1-3 * * *").hour_repeats);
  BOOST_TEST(!parsed("*/5 2 * * *").hour_repeats);
}

BOOST_AUTO_TEST_CASE(either_day_field_matches_when_both_are_restricted) {
  auto both = parsed("0 0 1 * MON");  // the 1st or a Monday
  BOOST_TEST(matches_day(both, 12, 1, 2));
  BOOST_TEST(matches_day(both, 11, 30, 1));
  BOOST_TEST(!matches_day(both, 12, 2, 3));
  auto by_week = parsed("0 0 * * MON");  // only Mondays
  BOOST_TEST(!matches_day(by_week, 12, 1, 2));
  BOOST_TEST(matches_day(by_week, 12, 7, 1));
  auto stepped = parsed("0 0 */2 * MON");  // a step is a restriction: odd days or Mondays
  BOOST_TEST(matches_day(stepped, 12, 3, 4));
  BOOST_TEST(matches_day(stepped, 12, 14, 1));
  BOOST_TEST(!matches_day(stepped, 12, 2, 3));
  BOOST_TEST(!matches_day(parsed("0 0 1 JUN *"), 12, 1, 2));
}

BOOST_AUTO_TEST_CASE(errors_name_the_position_and_the_field) {
  const error_case cases[] = {
      {"", 1, "empty expression"},
      {"   ", 1, "empty expression"},
      {"* * * *", 7,
       "expected 5 fields (minute hour day-of-month month day-of-week) or 6 "
       "(second first), found 4"},
      {"* * * * * * *", 13,
       "expected 5 fields (minute hour day-of-month month day-of-week) or "
       "6 (second first), found 7"},
      {"60 * * * *", 1, "field 1 (minute): 60 is out of range 0-59"},
      {"61 * * * * *", 1, "field 1 (second): 61 is out of range 0-59"},
      {"0 60 * * * *", 3, "field 2 (minute): 60 is out of range 0-59"},
      {"* 24 * * *", 3, "field 2 (hour): 24 is out of range 0-23"},
      {"0 0 32 * *", 5, "field 3 (day-of-month): 32 is out of range 1-31"},
      {"0 0 0 * *", 5, "field 3 (day-of-month): 0 is out of range 1-31"},
      {"* * * 13 *", 7, "field 4 (month): 13 is out of range 1-12"},
      {"* * * * 8", 9, "field 5 (day-of-week): 8 is out of range 0-7"},
      {"* * * 1-2,FOO *", 11, "field 4 (month): unknown month name 'FOO' (JAN-DEC)"},
      {"* * * * FUNDAY", 9, "field 5 (day-of-week): unknown day name 'FUNDAY' (SUN-SAT)"},
      {"MON * * * *", 1, "field 1 (minute): 'MON' is not a number"},
      {"* * L * *", 5, "field 3 (day-of-month): 'L' is not a number"},
      {"? * * * *", 1, "field 1 (minute): '?' is not a number"},
      {"5-1 * * * *", 1, "field 1 (minute): range 5-1 goes backwards"},
      {"1-2-3 * * * *", 3, "field 1 (minute): '2-3' is not a number"},
      {"5- * * * *", 3, "field 1 (minute): expected a value"},
      {"*/0 * * * *", 3, "field 1 (minute): step 0 must be at least 1"},
      {"*/ * * * *", 3, "field 1 (minute): expected a step number after '/'"},
      {"*/5x * * * *", 3, "field 1 (minute): '5x' is not a number"},
      {"1,,2 * * * *", 3, "field 1 (minute): empty list item"},
      {"0 1, * * *", 5, "field 2 (hour): empty list item"},
      {"@often", 1,
       "unknown macro '@often' (@yearly, @annually, @monthly, @weekly, @daily, "
       "@midnight, @hourly)"},
      {"@daily 5", 8, "nothing may follow @daily"},
      {"0 0 30 2 *", 5,
       "the expression never fires: no month given has a day given in field 3 "
       "(day-of-month)"},
      {"0 0 31 4,6 *", 5,
       "the expression never fires: no month given has a day given in "
       "field 3 (day-of-month)"},
      {"0 0 0 31 APR *", 7,
       "the expression never fires: no month given has a day given in "
       "field 4 (day-of-month)"},
  };
  for (const auto& c : cases) {
    auto expr = parse_cron(c.text);
    BOOST_TEST_CONTEXT("expression '" << c.text << "'") {
      BOOST_REQUIRE(!expr.has_value());
      BOOST_TEST(expr.error().position == c.position);
      BOOST_TEST(expr.error().message == c.message);
    }
  }
  BOOST_TEST(parse_cron("0 0 32 * *").error().to_string() ==
             "position 5: field 3 (day-of-month): 32 is out of range 1-31");
}

BOOST_AUTO_TEST_CASE(rare_days_that_do_occur_are_valid) {
  BOOST_TEST(parse_cron("0 0 29 2 *").has_value());
  BOOST_TEST(parse_cron("0 0 30 2 MON").has_value());  // Mondays in February
  BOOST_TEST(parse_cron("0 0 31 1-12 *").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
