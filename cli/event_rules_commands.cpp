// The rest of `auraos event`: one event, a correlation, metrics, the cleanup, and the pattern
// and retention rules (`auraos event pattern ...`, `auraos event retention ...`), each one REST
// call (docs/rest-api.md "Events", "Event patterns").

#include "cli/event_rules_commands.hpp"

#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/client_command.hpp"
#include "cli/client_output.hpp"
#include "cli/text_table.hpp"

namespace auraos::cli {
namespace {

using values = std::vector<std::string>;

/// A request target that ignores the arguments.
std::function<std::string(const values&)> fixed(std::string path) {
  return [path](const values&) { return path; };
}

/// `prefix` + the first argument escaped.
std::function<std::string(const values&)> with_id(std::string prefix) {
  return [prefix](const values& v) { return prefix + query_escape(v[0]); };
}

void print_patterns(const nlohmann::json& page) {
  text_table table{{"ID", "KIND", "MATCHES", "LAST MATCH", "NAME"}};
  for (const auto& rule : page.value("items", nlohmann::json::array()))
    table.add({field(rule, "id"), field(rule, "kind"), field(rule, "matches"),
               field(rule, "lastMatchAt"), field(rule, "name")});
  table.print();
}

void print_retention(const nlohmann::json& page) {
  text_table table{{"TYPE", "MAX AGE S", "MAX COUNT", "UPDATED"}};
  auto rules = page.is_object() && page.contains("items") ? page["items"]
                                                          : nlohmann::json::array({page});
  for (const auto& rule : rules)
    table.add({field(rule, "type"), field(rule, "maxAgeSeconds"), field(rule, "maxCount"),
               field(rule, "updatedAt")});
  table.print();
}

void add_pattern_commands(CLI::App& events, int& exit_code) {
  auto* pattern =
      events.add_subcommand("pattern", "Pattern rules: sequences, absences, thresholds, rates");
  pattern->require_subcommand(1);
  const std::pair<std::string, std::string> id{"ID", "The rule's id"};
  const std::pair<std::string, std::string> file{"FILE", "The rule (JSON)"};
  const auto rule = with_id("/api/v1/event-patterns/");
  add_call_commands(
      *pattern,
      {{.name = "create", .description = "Store a new pattern rule from FILE (JSON)",
        .method = "POST", .arguments = {file}, .path = fixed("/api/v1/event-patterns"),
        .body_from_file = true},
       {.name = "update", .description = "Replace rule ID with FILE (JSON)", .method = "PUT",
        .arguments = {id, file}, .path = rule, .body_from_file = true},
       {.name = "get", .description = "Show rule ID with its matches", .method = "GET",
        .arguments = {id}, .path = rule},
       {.name = "list", .description = "List pattern rules in creation order", .method = "GET",
        .path = fixed("/api/v1/event-patterns"),
        .query = {{"--limit", "limit", "Rules per page (1-1000, default 50)"},
                  {"--cursor", "cursor", "Resume after a page (its nextCursor)"}},
        .table = print_patterns},
       {.name = "delete", .description = "Delete rule ID and its state", .method = "DELETE",
        .arguments = {id}, .path = rule, .done_text = "deleted the rule"}},
      exit_code);
}

void add_retention_commands(CLI::App& events, int& exit_code) {
  auto* retention = events.add_subcommand("retention", "Retention rules: how long events are kept");
  retention->require_subcommand(1);
  const std::pair<std::string, std::string> type{
      "TYPE", "An event type, or * for the default of every type"};
  const auto rule = with_id("/api/v1/event-retention/");
  add_call_commands(
      *retention,
      {{.name = "list", .description = "List the retention rules", .method = "GET",
        .path = fixed("/api/v1/event-retention"), .table = print_retention},
       {.name = "get", .description = "Show the rule of TYPE", .method = "GET",
        .arguments = {type}, .path = rule, .table = print_retention},
       {.name = "set", .description = "Store the rule of TYPE: --max-age and/or --max-count",
        .method = "PUT", .arguments = {type}, .path = rule,
        .body = {{"--max-age", "maxAgeSeconds", "Keep events at most this many seconds",
                  call_flag::value_kind::integer},
                 {"--max-count", "maxCount", "Keep at most this many events of the type",
                  call_flag::value_kind::integer}},
        .table = print_retention},
       {.name = "delete", .description = "Remove the rule of TYPE", .method = "DELETE",
        .arguments = {type}, .path = rule, .done_text = "deleted the rule"}},
      exit_code);
}

}  // namespace

void add_event_rules_commands(CLI::App& events, int& exit_code) {
  add_call_commands(
      events,
      {{.name = "get", .description = "Show event ID", .method = "GET",
        .arguments = {{"ID", "The event's id"}}, .path = with_id("/api/v1/events/")},
       {.name = "correlation",
        .description = "Show the events of correlation ID and their causation tree",
        .method = "GET", .arguments = {{"ID", "The correlation id"}},
        .path = with_id("/api/v1/events/correlations/")},
       {.name = "metrics",
        .description = "Show events over time by type and source, and the subscribers' lag",
        .method = "GET", .path = fixed("/api/v1/events/metrics"), .query = window_flags()},
       {.name = "cleanup",
        .description = "Delete events older than a time now (retention runs on its own too)",
        .method = "DELETE", .path = fixed("/api/v1/events"),
        .query = {{"--older-than", "olderThan",
                   "Delete events with a timestamp before this RFC 3339 time",
                   call_flag::value_kind::text, true},
                  {"--type", "type", "Only events of this type"}}}},
      exit_code);
  add_pattern_commands(events, exit_code);
  add_retention_commands(events, exit_code);
}

}  // namespace auraos::cli
