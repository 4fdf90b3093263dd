// `auraos cron next`: output and exit codes of the real binary.

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include "tests/support/process.hpp"

using auraos::test::auraos_binary;
using auraos::test::run_process;

namespace {

auraos::test::process_result cron_next(std::vector<std::string> args) {
  args.insert(args.begin(), {auraos_binary(), "cron", "next"});
  return run_process(args);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cron_cli)

BOOST_AUTO_TEST_CASE(prints_utc_instants_one_per_line) {
  auto run = cron_next(
      {"0 2 * * *", "--tz", "Europe/Berlin", "--from", "2026-12-03T00:00:00Z", "--count", "3"});
  BOOST_CHECK_EQUAL(run.exit_code, 0);
  BOOST_CHECK_EQUAL(run.out, "2026-12-03T01:00:00Z\n2026-12-04T01:00:00Z\n2026-12-05T01:00:00Z\n");
  BOOST_CHECK(run.err.empty());
}

BOOST_AUTO_TEST_CASE(defaults_to_five_times_in_utc_after_now) {
  auto run = cron_next({"@hourly"});
  BOOST_CHECK_EQUAL(run.exit_code, 0);
  std::istringstream lines(run.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    BOOST_CHECK_MESSAGE(line.size() == 20 && line.ends_with(":00:00Z"), line);
  }
  BOOST_CHECK_EQUAL(count, 5);
}

BOOST_AUTO_TEST_CASE(the_dst_gap_moves_a_fixed_time_to_its_end) {
  auto run = cron_next({"30 2 * * *", "--tz", "America/New_York", "--from",
                        "2026-03-07T12:00:00-05:00", "--count", "2"});
  BOOST_CHECK_EQUAL(run.exit_code, 0);
  BOOST_CHECK_EQUAL(run.out, "2026-03-08T07:00:00Z\n2026-03-09T06:30:00Z\n");
}

BOOST_AUTO_TEST_CASE(a_bad_expression_exits_2_naming_the_position) {
  auto range = cron_next({"0 0 32 * *"});
  BOOST_CHECK_EQUAL(range.exit_code, 2);
  BOOST_CHECK(range.out.empty());
  BOOST_CHECK_EQUAL(range.err,
                    "auraos cron next: invalid cron expression at position 5: field 3 "
                    "(day-of-month): 32 is out of range 1-31\n");
  auto never = cron_next({"0 0 30 2 *"});
  BOOST_CHECK_EQUAL(never.exit_code, 2);
  BOOST_CHECK_MESSAGE(
      never.err.find("at position 5: the expression never fires") != std::string::npos, never.err);
}

BOOST_AUTO_TEST_CASE(bad_zone_from_and_count_exit_2_naming_the_flag) {
  auto zone = cron_next({"@daily", "--tz", "Mars/Base"});
  BOOST_CHECK_EQUAL(zone.exit_code, 2);
  BOOST_CHECK_EQUAL(zone.err, "auraos cron next: --tz: unknown IANA time zone 'Mars/Base'\n");
  auto from = cron_next({"@daily", "--from", "yesterday"});
  BOOST_CHECK_EQUAL(from.exit_code, 2);
  BOOST_CHECK_EQUAL(from.err,
                    "auraos cron next: --from: must be an RFC 3339 date-time such as "
                    "2026-12-03T01:00:00Z, found 'yesterday'\n");
  for (std::string bad : {"0", "1001", "abc"}) {
    auto count = cron_next({"@daily", "--count", bad});
    BOOST_CHECK_EQUAL(count.exit_code, 2);
    BOOST_CHECK_EQUAL(count.err,
                      "auraos cron next: --count: must be a whole number from 1 to "
                      "1000, found '" +
                          bad + "'\n");
  }
  auto thousand = cron_next({"* * * * * *", "--count", "1000", "--from", "2026-01-01T00:00:00Z"});
  BOOST_CHECK_EQUAL(thousand.exit_code, 0);
  BOOST_CHECK(thousand.out.ends_with("2026-01-01T00:16:40Z\n"));
}

BOOST_AUTO_TEST_CASE(help_describes_the_command) {
  auto cron = run_process({auraos_binary(), "help", "cron"});
  BOOST_CHECK_EQUAL(cron.exit_code, 0);
  BOOST_CHECK_MESSAGE(cron.out.find("next") != std::string::npos, cron.out);
  auto next = run_process({auraos_binary(), "help", "cron", "next"});
  BOOST_CHECK_EQUAL(next.exit_code, 0);
  BOOST_CHECK_MESSAGE(next.out.find("--tz") != std::string::npos, next.out);
  BOOST_CHECK_MESSAGE(next.out.find("--count") != std::string::npos, next.out);
}

BOOST_AUTO_TEST_SUITE_END()
