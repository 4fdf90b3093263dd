#pragma once
// A task's schedule (spec/tasks.md "Schedules"): when it fires, what it passes, and what happens
// when fire times overlap a running run or pass during downtime.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/parse.hpp"
#include "runtime/result.hpp"
#include "runtime/schedule/cron_expression.hpp"

namespace auraos::runtime::schedule {

/// Which of `cron`, `every` and `at` the schedule uses.
enum class schedule_kind { cron, every, at };

/// What a fire time does while a run of the schedule is still running (Temporal's policies).
enum class overlap_policy {
  skip,          ///< Do not start; record the fire time as skipped.
  buffer_one,    ///< Start once the running run ends; at most one waits.
  allow_all,     ///< Start regardless.
  cancel_other,  ///< Cancel the running run, then start.
};

/// The policy's name in JSON, e.g. "buffer_one".
std::string_view to_string(overlap_policy policy);

/// A validated schedule.
struct schedule_spec {
  /// Which trigger is set.
  schedule_kind kind = schedule_kind::every;
  /// The cron expression's text as given (kind cron).
  std::string cron_text;
  /// The parsed cron expression (kind cron).
  cron_expression cron;
  /// IANA zone of the cron expression; "UTC" unless given.
  std::string timezone = "UTC";
  /// Period in milliseconds (kind every).
  std::int64_t every_ms = 0;
  /// The one fire time, milliseconds since the epoch (kind at).
  std::int64_t at_ms = 0;
  /// The runs' input; null when not given.
  std::shared_ptr<const nlohmann::json> input;
  /// What a fire time does while a run is still running.
  overlap_policy overlap = overlap_policy::skip;
  /// How old a missed fire time may be and still run, in milliseconds.
  std::int64_t catchup_window_ms = 60'000;
  /// A paused schedule starts nothing.
  bool paused = false;
};

/// A schedule's JSON error: its path (in `field`) and message, as definition errors are.
using schedule_error = definition::definition_error;

/// Validates a schedule given as JSON; every error found is returned.
result<schedule_spec, std::vector<schedule_error>> parse_schedule(const nlohmann::json& document);

/// Parses JSON text, then validates it (syntax errors name line and column).
result<schedule_spec, std::vector<schedule_error>> parse_schedule_text(std::string_view text);

}  // namespace auraos::runtime::schedule
