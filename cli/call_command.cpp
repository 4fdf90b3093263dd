// Running a call command: arguments and flags to one request, its answer printed.

#include "cli/call_command.hpp"

#include <cstdio>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/client_command.hpp"
#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/json_flag.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

/// What the user gave: positional values and the values of the flags given, by flag.
struct call_values {
  client_flags client;
  std::vector<std::string> arguments;
  std::map<std::string, std::string> storage;  ///< Every flag's value (bound by CLI11).
  std::map<std::string, std::string> flags;    ///< The flags given on the command line.
};

/// A body field's value from its flag text; an error sentence naming the flag.
result<nlohmann::json, std::string> field_value(const call_flag& flag, const std::string& text) {
  switch (flag.kind) {
    case call_flag::value_kind::text:
      return nlohmann::json(text);
    case call_flag::value_kind::integer: {
      std::size_t used = 0;
      long long value = 0;
      try {
        value = std::stoll(text, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != text.size())
        return fail(flag.flag + ": '" + text + "' is not a whole number");
      return nlohmann::json(value);
    }
    case call_flag::value_kind::json:
      return json_flag(flag.flag, text);
  }
  return nlohmann::json();
}

/// The request body of `command` from `values`: a file's JSON, the body flags, or nothing.
result<std::string, std::string> body_of(const call_command& command, const call_values& values) {
  if (command.body_from_file) {
    auto document = json_file(values.arguments.back());
    if (!document) return fail(document.error());
    return runtime::dump_json(*document);
  }
  if (command.body.empty() && command.argument_fields.empty()) return std::string{};
  nlohmann::json body = nlohmann::json::object();
  for (const auto& [index, name] : command.argument_fields) body[name] = values.arguments.at(index);
  for (const auto& flag : command.body) {
    auto it = values.flags.find(flag.flag);
    if (it == values.flags.end() || it->second.empty()) continue;
    auto value = field_value(flag, it->second);
    if (!value) return fail(value.error());
    body[flag.field] = std::move(*value);
  }
  return runtime::dump_json(body);
}

int run_call(const call_command& command, const call_values& values) {
  auto body = body_of(command, values);
  if (!body) return usage_error(body.error());
  std::string query;
  for (const auto& flag : command.query) {
    auto it = values.flags.find(flag.flag);
    if (it != values.flags.end()) query += query_pair(flag.field, it->second);
  }
  auto reply = call_checked(values.client, command.method,
                            with_query(command.path(values.arguments), query), *body);
  if (!reply) return reply.error();
  if (reply->status == 204) {
    if (!values.client.json() && !command.done_text.empty())
      std::printf("%s\n", command.done_text.c_str());
    return exit_ok;
  }
  auto answer = nlohmann::json::parse(reply->body, nullptr, false);
  if (values.client.json() || answer.is_discarded()) {
    if (!reply->body.empty())
      std::printf("%s%s", reply->body.c_str(), reply->body.back() == '\n' ? "" : "\n");
    return exit_ok;
  }
  if (command.table)
    command.table(answer);
  else
    std::printf("%s\n", runtime::dump_json(answer, 2).c_str());
  return exit_ok;
}

}  // namespace

std::vector<call_flag> window_flags() {
  return {{"--from", "from", "Start of the window, RFC 3339 (default: an hour ago)"},
          {"--to", "to", "End of the window, RFC 3339 (default: now)"},
          {"--interval", "interval", "Bucket length in seconds (default 60)"}};
}

void add_call_command(CLI::App& parent, call_command command, int& exit_code) {
  auto values = std::make_shared<call_values>();
  values->arguments.resize(command.arguments.size());
  auto* sub = parent.add_subcommand(command.name, command.description);
  for (std::size_t i = 0; i < command.arguments.size(); ++i)
    sub->add_option(command.arguments[i].first, values->arguments[i], command.arguments[i].second)
        ->required();
  std::map<std::string, CLI::Option*> options;
  for (const auto* group : {&command.query, &command.body})
    for (const auto& flag : *group) {
      auto* option = sub->add_option(flag.flag, values->storage[flag.flag], flag.help);
      if (flag.required) option->required();
      options[flag.flag] = option;
    }
  values->client.add_to(*sub);
  auto shared = std::make_shared<call_command>(std::move(command));
  sub->callback([shared, values, options, &exit_code] {
    for (const auto& [flag, option] : options)
      if (option->count() > 0) values->flags[flag] = values->storage[flag];
    exit_code = run_call(*shared, *values);
  });
}

void add_call_commands(CLI::App& parent, std::vector<call_command> commands, int& exit_code) {
  for (auto& command : commands) add_call_command(parent, std::move(command), exit_code);
}

}  // namespace auraos::cli
