// Differential test: our cron fire times against cron-parser 5 (npm), run by Node.js.

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include <date/tz.h>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "cron_corpus.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/schedule/cron_match.hpp"
#include "runtime/schedule/cron_times.hpp"
#include "tests/support/process.hpp"

namespace {

using nlohmann::json;
namespace schedule = auraos::runtime::schedule;

constexpr std::size_t fire_times_per_case = 5;

/// The expression as cron-parser reads it: it lacks the `@midnight` alias of `@daily`.
std::string reference_expression(const std::string& text) {
  return text == "@midnight" ? "@daily" : text;
}

/// Why our answer may differ from cron-parser's, or "" when the case must agree. The compared
/// stretch holds a daylight saving transition and
/// - the expression matches a skipped local time: a fixed hour fires once at the end of the gap
///   and a `*` or stepped hour does not fire for it, where cron-parser moves each skipped time
///   forward by the shift (a deliberate difference, docs/schedules.md);
/// - the hour is stepped (`*/2`, `1-23/3`) and matches a repeated local time: we fire in both
///   passes, cron-parser only in the first (a deliberate difference);
/// - the shift is not a whole hour (Lord Howe's 30 minutes): cron-parser drops real local times
///   just after the gap and often stops early or finds nothing after the shift back (its
///   defect; our times are unit-tested).
/// Also when `from` lies in the second pass of a repeated stretch and a fixed hour matches a
/// repeated local time: we never fire the second pass, cron-parser does (deliberate).
std::string deliberate_difference(const schedule::cron_expression& expr, const std::string& zone,
                                  std::int64_t from_ms, std::int64_t until_ms) {
  const auto* tz = date::locate_zone(zone);
  bool stepped_hour = expr.hour_repeats && expr.hours != (std::uint64_t{1} << 24) - 1;
  std::int64_t t = from_ms / 1000, until = until_ms / 1000 + 1;
  auto first = tz->get_info(date::sys_seconds{std::chrono::seconds{t}});
  auto begin = first.begin.time_since_epoch().count(), offset = first.offset.count();
  auto earlier = tz->get_info(first.begin - std::chrono::seconds{1}).offset.count();
  if (!expr.hour_repeats && earlier > offset && t < begin + earlier - offset &&
      schedule::next_local_match(expr, begin + offset, begin + earlier))
    return "a fixed hour's repeated local time after its first pass";
  while (t < until) {
    auto info = tz->get_info(date::sys_seconds{std::chrono::seconds{t}});
    std::int64_t end = info.end.time_since_epoch().count();
    if (end >= until) break;
    auto before = info.offset.count();
    auto after = tz->get_info(info.end).offset.count();
    if ((after - before) % 3600 != 0) return "cron-parser defect: a 30-minute shift";
    if (after > before && schedule::next_local_match(expr, end + before, end + after))
      return "a fire time in a skipped local hour";
    if (after < before && stepped_hour &&
        schedule::next_local_match(expr, end + after, end + before))
      return "a stepped hour matching a repeated local hour";
    t = end;
  }
  return {};
}

std::string describe(const json& times) {
  if (!times.is_array()) return times.dump();
  std::string text;
  for (const auto& t : times)
    text += " " + auraos::runtime::engine::format_rfc3339_seconds(t.get<std::int64_t>());
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cron_differential)

BOOST_AUTO_TEST_CASE(random_corpus_agrees_with_cron_parser_outside_deliberate_differences) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(auraos::test::source_dir()) / "tests" / "differential";
  BOOST_REQUIRE_MESSAGE(
      fs::exists(dir / "node_modules" / "cron-parser"),
      "tests/differential/node_modules is missing cron-parser: run `npm ci` in " << dir.string());
  auto corpus = auraos::test::cron_corpus(20261202, 600);
  std::ostringstream input;
  for (const auto& c : corpus)
    input << json{{"expr", reference_expression(c.expression)},
                  {"tz", c.zone},
                  {"from", c.from_ms},
                  {"count", fire_times_per_case}}
                 .dump()
          << '\n';
  auraos::test::process_options options;
  options.stdin_data = input.str();
  auto run = auraos::test::run_process({"node", (dir / "cron_reference.mjs").string()}, options);
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, "node failed: " << run.err);
  std::istringstream lines(run.out);
  std::string line;
  std::size_t index = 0, compared = 0, errors = 0;
  std::map<std::string, std::size_t> left_out;
  while (std::getline(lines, line) && index < corpus.size()) {
    const auto& c = corpus[index++];
    json theirs = json::parse(line);
    auto expr = schedule::parse_cron(c.expression);
    if (!expr || theirs.contains("error")) {
      errors += !expr && theirs.contains("error");
      if (!expr != theirs.contains("error"))
        BOOST_ERROR(c.expression << ": ours " << (expr ? "valid" : expr.error().to_string())
                                 << ", cron-parser " << theirs.dump());
      continue;
    }
    auto ours = schedule::next_cron_times(*expr, c.zone, c.from_ms, fire_times_per_case);
    BOOST_REQUIRE(ours.has_value());
    json our_times = *ours;
    auto until = our_times.back().get<std::int64_t>();
    if (!theirs["times"].empty())
      until = std::max(until, theirs["times"].back().get<std::int64_t>());
    auto reason = deliberate_difference(*expr, c.zone, c.from_ms, until);
    if (!reason.empty()) {
      ++left_out[reason];
      continue;
    }
    ++compared;
    BOOST_CHECK_MESSAGE(our_times == theirs["times"],
                        c.expression << " in " << c.zone << " after "
                                     << auraos::runtime::engine::format_rfc3339_seconds(c.from_ms)
                                     << "\n  ours:        " << describe(our_times)
                                     << "\n  cron-parser: " << describe(theirs["times"]));
  }
  BOOST_CHECK_EQUAL(index, corpus.size());
  for (const auto& [reason, count] : left_out)
    BOOST_TEST_MESSAGE(count << " cases left out: " << reason);
  BOOST_TEST_MESSAGE(compared << " cases compared, " << errors << " refused by both");
  BOOST_CHECK_GT(compared, corpus.size() * 3 / 4);
}

BOOST_AUTO_TEST_SUITE_END()
