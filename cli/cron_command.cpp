// `auraos cron next EXPR [--tz ZONE] [--from RFC3339] [--count N]`: prints the next fire times
// of a cron expression, one RFC 3339 UTC instant per line.

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/schedule/cron_times.hpp"

namespace auraos::cli {
namespace {

/// The most fire times one call prints.
constexpr long max_count = 1000;

struct next_arguments {
  std::string expression;
  std::string zone = "UTC";
  std::string from;
  std::string count = "5";
};

result<long, std::string> parse_count(const std::string& text) {
  long count = 0;
  bool digits = !text.empty() && text.size() <= 6 &&
                text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) count = std::stol(text);
  if (!digits || count < 1 || count > max_count)
    return fail("--count: must be a whole number from 1 to " + std::to_string(max_count) +
                ", found '" + text + "'");
  return count;
}

result<std::int64_t, std::string> parse_from(const std::string& text) {
  if (text.empty())
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  auto ms = runtime::engine::parse_rfc3339_ms(text);
  if (!ms)
    return fail("--from: must be an RFC 3339 date-time such as 2026-12-03T01:00:00Z, found '" +
                text + "'");
  return *ms;
}

int run_next(const next_arguments& args) {
  namespace schedule = runtime::schedule;
  auto count = parse_count(args.count);
  auto from = parse_from(args.from);
  auto expr = schedule::parse_cron(args.expression);
  std::string problem = !count  ? count.error()
                        : !from ? from.error()
                        : !expr ? "invalid cron expression at " + expr.error().to_string()
                                : std::string{};
  if (problem.empty() && !schedule::find_time_zone(args.zone))
    problem = "--tz: unknown IANA time zone '" + args.zone + "'";
  if (!problem.empty()) {
    std::fprintf(stderr, "auraos cron next: %s\n", problem.c_str());
    return exit_invalid;
  }
  auto times = schedule::next_cron_times(*expr, args.zone, *from, static_cast<std::size_t>(*count));
  if (!times) {
    std::fprintf(stderr, "auraos cron next: %s\n", times.error().to_string().c_str());
    return exit_invalid;
  }
  for (auto ms : *times) std::printf("%s\n", runtime::engine::format_rfc3339_seconds(ms).c_str());
  return exit_ok;
}

void install(CLI::App& app, int& exit_code) {
  auto* cron = app.add_subcommand("cron", "Work with cron expressions of schedules");
  cron->require_subcommand(1);
  auto args = std::make_shared<next_arguments>();
  auto* next = cron->add_subcommand(
      "next", "Print the next fire times of EXPR, one RFC 3339 UTC instant per line");
  next->add_option("EXPR", args->expression,
                   "5 fields (minute hour day-of-month month day-of-week), 6 with seconds "
                   "first, or a macro such as @daily; quote it")
      ->required();
  next->add_option("--tz", args->zone, "IANA time zone the expression is read in")
      ->capture_default_str();
  next->add_option("--from", args->from,
                   "RFC 3339 instant; times strictly after it are printed (default: now)");
  next->add_option("--count", args->count, "How many fire times, 1 to 1000")->capture_default_str();
  next->callback([args, &exit_code] { exit_code = run_next(*args); });
}

const command_registration registration{25, install};

}  // namespace
}  // namespace auraos::cli
