// Schedule JSON: validation errors with their paths, defaults, and the fire times of each kind.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runtime/schedule/fire_times.hpp"
#include "runtime/schedule/schedule_spec.hpp"

using namespace auraos::runtime::schedule;
using times = std::vector<std::int64_t>;

namespace {

schedule_spec valid(const std::string& text) {
  auto spec = parse_schedule_text(text);
  if (!spec) BOOST_FAIL(text << ": " << spec.error().front().to_string());
  return *spec;
}

std::vector<std::string> errors(const std::string& text) {
  auto spec = parse_schedule_text(text);
  BOOST_REQUIRE_MESSAGE(!spec.has_value(), text << " was accepted");
  std::vector<std::string> lines;
  for (const auto& e : spec.error()) lines.push_back(e.to_string());
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schedule_spec_parsing)

BOOST_AUTO_TEST_CASE(a_cron_schedule_with_defaults) {
  auto spec = valid(R"({"cron": "0 2 * * *", "timezone": "Europe/Berlin"})");
  BOOST_TEST(static_cast<int>(spec.kind) == static_cast<int>(schedule_kind::cron));
  BOOST_TEST(spec.cron_text == "0 2 * * *");
  BOOST_TEST(spec.cron.hours == std::uint64_t{1} << 2);
  BOOST_TEST(spec.timezone == "Europe/Berlin");
  BOOST_TEST(to_string(spec.overlap) == "skip");
  BOOST_TEST(spec.catchup_window_ms == 60'000);
  BOOST_TEST(!spec.paused);
  BOOST_TEST(!spec.input);
  BOOST_TEST(valid(R"({"cron": "@daily"})").timezone == "UTC");
}

BOOST_AUTO_TEST_CASE(every_at_and_the_policy_fields) {
  auto every = valid(R"({"every": 300, "input": {"a": [1]}, "overlap": "buffer_one",
                         "catchupWindowSeconds": 0, "paused": true})");
  BOOST_TEST(every.every_ms == 300'000);
  BOOST_TEST(every.input->dump() == R"({"a":[1]})");
  BOOST_TEST(to_string(every.overlap) == "buffer_one");
  BOOST_TEST(every.catchup_window_ms == 0);
  BOOST_TEST(every.paused);
  BOOST_TEST(to_string(valid(R"({"every": 1, "overlap": "allow_all"})").overlap) == "allow_all");
  BOOST_TEST(to_string(valid(R"({"every": 1, "overlap": "cancel_other"})").overlap) ==
             "cancel_other");
  auto at = valid(R"({"at": "2026-12-24T18:00:00Z"})");
  BOOST_TEST(at.at_ms == 1798135200000);
  BOOST_TEST(valid(R"({"at": "2026-12-24T19:00:00+01:00"})").at_ms == 1798135200000);
}

BOOST_AUTO_TEST_CASE(errors_name_their_json_path) {
  using lines = std::vector<std::string>;
  BOOST_TEST(errors("{}") == lines{R"(one of "cron", "every" and "at" is required)"});
  BOOST_TEST(errors("[]") == lines{"a schedule must be a JSON object, found array"});
  BOOST_TEST(errors(R"({"cron": "0 0 32 * *"})") ==
             lines{"cron: position 5: field 3 (day-of-month): 32 is out of range 1-31"});
  BOOST_TEST(errors(R"({"cron": 5})") == lines{"cron: must be a string, found 5"});
  BOOST_TEST(errors(R"({"cron": "@daily", "timezone": "Mars/Base"})") ==
             lines{R"(timezone: unknown IANA time zone "Mars/Base")"});
  BOOST_TEST(errors(R"({"every": 0})") ==
             lines{"every: must be a whole number of seconds from 1 to 315360000, found 0"});
  BOOST_TEST(errors(R"({"every": 1.5})") ==
             lines{"every: must be a whole number of seconds from 1 to 315360000, found 1.5"});
  BOOST_TEST(errors(R"({"at": "tomorrow"})") ==
             lines{"at: must be an RFC 3339 date-time such as 2026-12-24T18:00:00Z"});
  BOOST_TEST(errors(R"({"cron": "@daily", "every": 5, "at": "x"})") ==
             (lines{R"(every: only one of "cron", "every" and "at" may be given, found "cron" too)",
                    R"(at: only one of "cron", "every" and "at" may be given, found "cron" too)"}));
  BOOST_TEST(errors(R"({"every": 5, "timezone": "UTC"})") ==
             lines{R"(timezone: only allowed with "cron")"});
  BOOST_TEST(errors(R"({"every": 5, "cronn": "x"})") ==
             lines{R"(cronn: unknown field (did you mean "cron"?))"});
  BOOST_TEST(errors("{").size() == 1u);
  BOOST_TEST(errors("{").front().starts_with("line 1, column 2: "));
}

BOOST_AUTO_TEST_CASE(every_wrong_policy_field_is_reported) {
  auto found = errors(R"({"every": 5, "overlap": "queue", "catchupWindowSeconds": -1,
                          "paused": "yes"})");
  BOOST_TEST(found == (std::vector<std::string>{
                          R"(overlap: must be one of "skip", "buffer_one", "allow_all", )"
                          R"("cancel_other", found "queue")",
                          "catchupWindowSeconds: must be a whole number of seconds from 0 to "
                          "315360000, found -1",
                          "paused: must be a boolean, found string"}));
}

BOOST_AUTO_TEST_CASE(every_is_anchored_at_the_anchor) {
  auto spec = valid(R"({"every": 300})");
  BOOST_TEST(next_fire_times(spec, 1000, 1000, 3) == (times{301000, 601000, 901000}));
  BOOST_TEST(next_fire_times(spec, 1000, 301000, 1) == (times{601000}));
  BOOST_TEST(next_fire_times(spec, 1000, 0, 1) == (times{301000}));
  BOOST_TEST(count_fire_times(spec, 1000, 1000, 901000) == 3u);
  BOOST_TEST(count_fire_times(spec, 1000, 301000, 900999) == 1u);
}

BOOST_AUTO_TEST_CASE(at_fires_once_and_cron_in_its_zone) {
  auto at = valid(R"({"at": "2026-12-24T18:00:00Z"})");
  BOOST_TEST(next_fire_times(at, 0, 0, 5) == (times{1798135200000}));
  BOOST_TEST(next_fire_times(at, 0, 1798135200000, 5).empty());
  BOOST_TEST(count_fire_times(at, 0, 0, 1798135200000) == 1u);
  auto cron = valid(R"({"cron": "0 2 * * *", "timezone": "Europe/Berlin"})");
  // 2026-12-03T00:00:00Z, then 02:00 CET is 01:00Z.
  BOOST_TEST(next_fire_times(cron, 0, 1796256000000, 2) == (times{1796259600000, 1796346000000}));
}

BOOST_AUTO_TEST_SUITE_END()
