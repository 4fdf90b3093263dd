// `auraos task schedule|schedule-get|unschedule`: a task's schedule on a node
// (spec/tasks.md "Schedules").

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/json_flag.hpp"
#include "cli/task_cli.hpp"
#include "cli/task_tables.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

/// The flags of `auraos task schedule`.
struct schedule_flags {
  client_flags client;
  std::string id;
  std::string cron, timezone, at, file, input, overlap;
  double every = 0;
  double catchup_window = 0;
  bool paused = false;
  CLI::Option* every_option = nullptr;           ///< Tells whether --every was given.
  CLI::Option* catchup_window_option = nullptr;  ///< Tells whether --catchup-window was given.
};

/// `seconds` as JSON: a whole number when it is one.
nlohmann::json seconds_json(double seconds) {
  if (seconds == std::floor(seconds) && seconds < 1e15) return static_cast<std::int64_t>(seconds);
  return seconds;
}

/// The trigger part of the body: exactly one of --cron, --every, --at and --file.
result<nlohmann::json, std::string> trigger_body(const schedule_flags& flags) {
  int given = !flags.cron.empty() + (flags.every_option->count() > 0) + !flags.at.empty() +
              !flags.file.empty();
  if (given != 1)
    return fail(
        std::string{"give exactly one of --cron EXPR, --every SECONDS, --at RFC3339 "
                    "and --file FILE"});
  if (flags.every_option->count() > 0 && !(flags.every > 0))
    return fail(std::string{"--every: must be a positive number of seconds"});
  if (!flags.timezone.empty() && flags.cron.empty())
    return fail(std::string{"--tz is only for --cron"});
  if (!flags.file.empty()) {
    auto document = json_file(flags.file);
    if (document && !document->is_object())
      return fail(flags.file + ": a schedule must be a JSON object");
    return document;
  }
  if (!flags.cron.empty()) {
    nlohmann::json body{{"cron", flags.cron}};
    if (!flags.timezone.empty()) body["timezone"] = flags.timezone;
    return body;
  }
  if (!flags.at.empty()) return nlohmann::json{{"at", flags.at}};
  return nlohmann::json{{"every", seconds_json(flags.every)}};
}

/// The whole body: the trigger plus the options given as flags.
result<nlohmann::json, std::string> schedule_body(const schedule_flags& flags) {
  auto body = trigger_body(flags);
  if (!body) return body;
  if (!flags.input.empty()) {
    auto input = json_flag("--input", flags.input);
    if (!input) return fail(input.error());
    (*body)["input"] = std::move(*input);
  }
  if (!flags.overlap.empty()) (*body)["overlap"] = flags.overlap;
  if (flags.catchup_window_option->count() > 0) {
    if (!(flags.catchup_window >= 0))
      return fail(std::string{"--catchup-window: must be a number of seconds, 0 or more"});
    (*body)["catchupWindowSeconds"] = seconds_json(flags.catchup_window);
  }
  if (flags.paused) (*body)["paused"] = true;
  return body;
}

int schedule(const schedule_flags& flags) {
  auto body = schedule_body(flags);
  if (!body) return usage_error(body.error());
  auto reply = call_checked(flags.client, "PUT", task_path(flags.id) + "/schedule",
                            runtime::dump_json(*body));
  if (!reply) return reply.error();
  return print_answer(flags.client, *reply, print_schedule);
}

int schedule_get(const id_flags& flags) {
  auto reply = call_checked(flags.client, "GET", task_path(flags.id) + "/schedule");
  if (!reply) return reply.error();
  return print_answer(flags.client, *reply, print_schedule);
}

int unschedule(const id_flags& flags) {
  auto reply = call_checked(flags.client, "DELETE", task_path(flags.id) + "/schedule");
  if (!reply) return reply.error();
  if (!flags.client.json()) std::printf("removed the schedule of task %s\n", flags.id.c_str());
  return exit_ok;
}

void add_schedule(CLI::App& task, int& exit_code) {
  auto flags = std::make_shared<schedule_flags>();
  auto* command =
      task.add_subcommand("schedule",
                          "Set task ID's schedule: --cron EXPR [--tz ZONE], --every SECONDS, --at "
                          "RFC3339 or --file FILE");
  command->add_option("ID", flags->id, "The task's id")->required();
  command->add_option("--cron", flags->cron, "Cron expression (5 or 6 fields, or a macro)");
  command->add_option("--tz", flags->timezone, "IANA time zone of --cron (default UTC)");
  flags->every_option = command->add_option("--every", flags->every, "Fire every SECONDS");
  command->add_option("--at", flags->at, "Fire once at this RFC 3339 time");
  command->add_option("--file", flags->file, "The schedule as a JSON file");
  command->add_option("--input", flags->input, "The runs' input: JSON text or @file");
  command->add_option("--overlap", flags->overlap, "When a run still runs at a fire time")
      ->check(CLI::IsMember({"skip", "buffer_one", "allow_all", "cancel_other"}));
  flags->catchup_window_option =
      command->add_option("--catchup-window", flags->catchup_window,
                          "Run fire times missed during downtime up to SECONDS ago (default 60)");
  command->add_flag("--paused", flags->paused, "Store the schedule paused");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = schedule(*flags); });
}

}  // namespace

void add_task_schedule_commands(CLI::App& task, int& exit_code) {
  add_schedule(task, exit_code);
  add_id_command(task, "schedule-get", "Show task ID's schedule and its next fire times", "ID",
                 schedule_get, exit_code);
  add_id_command(task, "unschedule", "Remove task ID's schedule", "ID", unschedule, exit_code);
}

}  // namespace auraos::cli
