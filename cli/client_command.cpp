// Shared pieces of the client commands.

#include "cli/client_command.hpp"

#include <cstdio>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/json_flag.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {

void add_id_command(CLI::App& parent, const std::string& name, const std::string& description,
                    const std::string& id_name, id_action action, int& exit_code,
                    const std::string& id_help) {
  auto flags = std::make_shared<id_flags>();
  auto* command = parent.add_subcommand(name, description);
  auto help = !id_help.empty() ? id_help : id_name == "RUN_ID" ? "The run's id" : "The task's id";
  command->add_option(id_name, flags->id, help)->required();
  flags->client.add_to(*command);
  command->callback(
      [flags, action = std::move(action), &exit_code] { exit_code = action(*flags); });
}

void page_flags::add_to(CLI::App& command, const std::string& items) {
  command.add_option("--limit", limit, items + " per page (1-1000, default 50)");
  command.add_option("--cursor", cursor, "Resume after a page (its nextCursor)");
}

int list_page(const client_flags& flags, const page_flags& page, const std::string& path,
              const std::string& query, void (*table)(const nlohmann::json& items)) {
  auto all = query + query_pair("limit", page.limit) + query_pair("cursor", page.cursor);
  auto reply = call_checked(flags, "GET", with_query(path, all));
  if (!reply) return reply.error();
  return print_answer(flags, *reply, [table](const nlohmann::json& answer) {
    table(answer.value("items", nlohmann::json::array()));
    if (answer.contains("nextCursor") && answer["nextCursor"].is_string())
      std::fprintf(stderr, "more: --cursor %s\n", answer["nextCursor"].get<std::string>().c_str());
  });
}

int print_answer(const client_flags& flags, const node_reply& reply,
                 const std::function<void(const nlohmann::json&)>& table) {
  auto body = nlohmann::json::parse(reply.body, nullptr, false);
  if (flags.json() || body.is_discarded()) {
    if (!reply.body.empty()) std::printf("%s\n", reply.body.c_str());
    return exit_ok;
  }
  table(body);
  return exit_ok;
}

result<nlohmann::json, int> read_every_page(const client_flags& flags, const std::string& path,
                                            const std::string& what) {
  auto items = nlohmann::json::array();
  std::string cursor;
  while (true) {
    auto reply = call_checked(flags, "GET", path + "?limit=1000" + query_pair("cursor", cursor));
    if (!reply) return fail(reply.error());
    auto page = nlohmann::json::parse(reply->body, nullptr, false);
    if (!page.is_object() || !page.contains("items") || !page["items"].is_array()) {
      std::fprintf(stderr, "auraos: the server answered %s that are not a list: %s\n",
                   what.c_str(), reply->body.substr(0, 200).c_str());
      return fail(int(exit_failed));
    }
    for (auto& item : page["items"]) items.push_back(std::move(item));
    auto next = page.value("nextCursor", nlohmann::json());
    if (!next.is_string() || next.get<std::string>() == cursor) return items;
    cursor = next.get<std::string>();
  }
}

void print_items_json(const nlohmann::json& items) {
  std::printf("%s\n", runtime::dump_json({{"items", items}, {"nextCursor", nullptr}}).c_str());
}

id_action id_call(std::string method, std::function<std::string(const std::string& id)> path,
                  void (*table)(const nlohmann::json& answer)) {
  return [method = std::move(method), path = std::move(path), table](const id_flags& flags) {
    auto reply = call_checked(flags.client, method, path(flags.id));
    if (!reply) return reply.error();
    return print_answer(flags.client, *reply, table);
  };
}

id_action every_item_call(std::function<std::string(const std::string& id)> path,
                          std::string what, std::string (*line)(const nlohmann::json& item)) {
  return [path = std::move(path), what = std::move(what), line](const id_flags& flags) {
    auto items = read_every_page(flags.client, path(flags.id), what);
    if (!items) return items.error();
    if (flags.client.json()) {
      print_items_json(*items);
      return int(exit_ok);
    }
    for (const auto& item : *items) std::printf("%s\n", line(item).c_str());
    return int(exit_ok);
  };
}

void start_flags::add_to(CLI::App& command, const std::string& wait_help) {
  command.add_option("--input", input, "The input: JSON text or @file");
  command.add_option("--idempotency-key", idempotency_key,
                     "A repeat with this key (and the same input) answers the first start");
  command.add_flag("--wait", wait, wait_help);
  client.add_to(command);
}

result<node_reply, int> post_start(const start_flags& flags, const std::string& path) {
  nlohmann::json body = nlohmann::json::object();
  if (!flags.input.empty()) {
    auto input = json_flag("--input", flags.input);
    if (!input) return fail(usage_error(input.error()));
    body["input"] = std::move(*input);
  }
  std::map<std::string, std::string> headers;
  if (!flags.idempotency_key.empty()) headers["Idempotency-Key"] = flags.idempotency_key;
  return call_checked(flags.client, "POST", path, runtime::dump_json(body), headers);
}

result<std::string, int> started_id(const node_reply& reply) {
  auto started = nlohmann::json::parse(reply.body, nullptr, false);
  if (started.is_object() && started.contains("id") && started["id"].is_string())
    return started["id"].get<std::string>();
  std::fprintf(stderr, "auraos: the server answered no id: %s\n", reply.body.substr(0, 200).c_str());
  return fail(int(exit_failed));
}

namespace {

/// The flags of `create FILE` and `update ID FILE`.
struct put_flags {
  client_flags client;
  std::string id;    ///< Empty for create.
  std::string file;  ///< The definition (JSON).
};

int put(const put_flags& flags, const std::string& collection,
        void (*table)(const nlohmann::json& items)) {
  auto definition = json_file(flags.file);
  if (!definition) return usage_error(definition.error());
  auto body = runtime::dump_json(*definition);
  auto reply = flags.id.empty()
                   ? call_checked(flags.client, "POST", "/api/v1/" + collection, body)
                   : call_checked(flags.client, "PUT", resource_path(collection, flags.id), body);
  if (!reply) return reply.error();
  return print_answer(flags.client, *reply, [table](const nlohmann::json& stored) {
    table(nlohmann::json::array({stored}));
  });
}

}  // namespace

void add_definition_commands(CLI::App& parent, const std::string& collection,
                             const std::string& noun, const std::string& update_help,
                             void (*table)(const nlohmann::json& items), int& exit_code) {
  for (bool create : {true, false}) {
    auto flags = std::make_shared<put_flags>();
    auto* command =
        create ? parent.add_subcommand("create", "Store a new " + noun + " definition from FILE (JSON)")
               : parent.add_subcommand("update", update_help);
    if (!create) command->add_option("ID", flags->id, "The " + noun + "'s id")->required();
    command->add_option("FILE", flags->file, "The " + noun + " definition (JSON)")->required();
    flags->client.add_to(*command);
    command->callback([flags, collection, table, &exit_code] {
      exit_code = put(*flags, collection, table);
    });
  }
}

std::string cell(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "-";
  return value.dump();
}

std::string field(const nlohmann::json& object, const char* name) {
  return object.is_object() && object.contains(name) ? cell(object[name]) : "-";
}

std::string resource_path(const std::string& collection, const std::string& id) {
  return "/api/v1/" + collection + "/" + query_escape(id);
}

}  // namespace auraos::cli
