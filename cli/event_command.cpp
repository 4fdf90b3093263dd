// `auraos event publish|list|tail` against a running node (spec/interfaces.md, events.md).

#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/client_output.hpp"
#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/event_rules_commands.hpp"
#include "cli/event_tail.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

/// The flags of `auraos event publish`.
struct publish_flags {
  client_flags client;
  std::string event;  ///< JSON text of an event or a batch ("-" or empty: stdin).
  std::string type, source, data, id, correlation_id, causation_id;
};

/// The body to publish, or a usage error.
result<std::string, std::string> publish_body(const publish_flags& flags) {
  if (!flags.type.empty() || !flags.source.empty()) {
    if (!flags.event.empty()) return fail(std::string{"give either EVENT or --type/--source"});
    nlohmann::json event{{"type", flags.type}, {"source", flags.source}};
    if (!flags.data.empty()) {
      auto data = runtime::parse_json(flags.data);
      if (!data) return fail("--data: malformed JSON: " + data.error().to_string());
      event["data"] = std::move(*data);
    }
    if (!flags.id.empty()) event["id"] = flags.id;
    if (!flags.correlation_id.empty()) event["correlationId"] = flags.correlation_id;
    if (!flags.causation_id.empty()) event["causationId"] = flags.causation_id;
    return runtime::dump_json(event);
  }
  std::string text = flags.event;
  if (text.empty() || text == "-")
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  auto parsed = runtime::parse_json(text);
  if (!parsed) return fail("EVENT: malformed JSON: " + parsed.error().to_string());
  return text;
}

int publish(const publish_flags& flags) {
  auto server = resolve_server(flags.client.server, flags.client.token);
  if (!server) return std::fprintf(stderr, "auraos: %s\n", server.error().c_str()), exit_invalid;
  auto body = publish_body(flags);
  if (!body) return std::fprintf(stderr, "auraos: %s\n", body.error().c_str()), exit_invalid;
  auto reply = call_node(*server, "POST", "/api/v1/events", *body);
  if (!succeeded(reply)) return print_failure(reply);
  auto answer = nlohmann::json::parse(reply->body, nullptr, false);
  if (flags.client.json() || !answer.is_object())
    std::printf("%s\n", reply->body.c_str());
  else
    print_event_table(answer["items"]);
  return exit_ok;
}

/// The flags of `auraos event list`.
struct list_flags {
  client_flags client;
  event_filter_flags filter;
  std::string limit, cursor;
};

int list(const list_flags& flags) {
  auto server = resolve_server(flags.client.server, flags.client.token);
  if (!server) return std::fprintf(stderr, "auraos: %s\n", server.error().c_str()), exit_invalid;
  auto query = flags.filter.query() + query_pair("limit", flags.limit) +
               query_pair("cursor", flags.cursor);
  auto reply = call_node(*server, "GET", with_query("/api/v1/events", query));
  if (!succeeded(reply)) return print_failure(reply);
  auto answer = nlohmann::json::parse(reply->body, nullptr, false);
  if (flags.client.json() || !answer.is_object()) {
    std::printf("%s\n", reply->body.c_str());
    return exit_ok;
  }
  print_event_table(answer["items"]);
  if (answer["nextCursor"].is_string())
    std::fprintf(stderr, "more: --cursor %s\n", answer["nextCursor"].get<std::string>().c_str());
  return exit_ok;
}

void add_publish(CLI::App& events, int& exit_code) {
  auto flags = std::make_shared<publish_flags>();
  auto* command = events.add_subcommand(
      "publish", "Publish an event or a batch: JSON from EVENT, stdin, or --type/--source/--data");
  command->add_option("EVENT", flags->event, "An event object or an array (\"-\": stdin)");
  command->add_option("--type", flags->type, "The event's type");
  command->add_option("--source", flags->source, "The event's source");
  command->add_option("--data", flags->data, "The event's data (JSON)");
  command->add_option("--id", flags->id, "The event's id (a repeat is not stored again)");
  command->add_option("--correlation-id", flags->correlation_id, "The correlation id");
  command->add_option("--causation-id", flags->causation_id, "The causing event's id");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = publish(*flags); });
}

void add_list(CLI::App& events, int& exit_code) {
  auto flags = std::make_shared<list_flags>();
  auto* command = events.add_subcommand("list", "List stored events in storing order");
  flags->filter.add_to(*command);
  command->add_option("--limit", flags->limit, "Events per page (1-1000, default 50)");
  command->add_option("--cursor", flags->cursor, "Resume after a page (its nextCursor)");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = list(*flags); });
}

void install(CLI::App& app, int& exit_code) {
  auto* events = app.add_subcommand("event", "Publish, list and follow events; pattern and retention rules");
  events->require_subcommand(1);
  add_publish(*events, exit_code);
  add_list(*events, exit_code);
  add_tail(*events, exit_code);
  add_event_rules_commands(*events, exit_code);
}

const command_registration registration{50, install};

}  // namespace
}  // namespace auraos::cli
