#pragma once
// Pieces shared by the client commands (`auraos workflow|execution|task|cluster ...`): commands
// that name one resource, list pages, answers printed as tables or JSON.

#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cli/client_output.hpp"

namespace CLI {
class App;
}

namespace auraos::cli {

/// The flags of a command that names one resource: its id and the client flags.
struct id_flags {
  client_flags client;
  std::string id;  ///< The resource's id.
};

/// `--limit` and `--cursor` of a list command.
struct page_flags {
  std::string limit;   ///< Items per page (the server checks it).
  std::string cursor;  ///< Resume after a page (its nextCursor).

  /// Adds both flags to `command`; `items` names what is listed ("Runs").
  void add_to(CLI::App& command, const std::string& items);
};

/// GETs one page of the list at `path` with `query` ("&name=value"...) and the page flags;
/// prints its items through `table` (the next cursor on stderr) or its body as JSON.
int list_page(const client_flags& flags, const page_flags& page, const std::string& path,
              const std::string& query, void (*table)(const nlohmann::json& items));

/// Every item of the list at `path` (`limit` 1000, following `nextCursor` to the end), or the
/// exit code after printing why not; `what` names the list in an error ("logs").
result<nlohmann::json, int> read_every_page(const client_flags& flags, const std::string& path,
                                            const std::string& what);

/// Prints `items` as one page (`{"items": [...], "nextCursor": null}`) on stdout.
void print_items_json(const nlohmann::json& items);

/// What a one-id command does; its exit code.
using id_action = std::function<int(const id_flags&)>;

/// An id command that sends `method` to `path(id)` and prints the answer through `table`.
id_action id_call(std::string method, std::function<std::string(const std::string& id)> path,
                  void (*table)(const nlohmann::json& answer));

/// An id command that prints every item of the list at `path(id)` (all pages; `what` names it
/// in errors): one JSON page with --output json, else each item as the line `line(item)`.
id_action every_item_call(std::function<std::string(const std::string& id)> path,
                          std::string what, std::string (*line)(const nlohmann::json& item));

/// Adds subcommand `name` of `parent` taking the positional `id_name` (described by `id_help`,
/// else "The task's id" / "The run's id" for RUN_ID) and the client flags.
void add_id_command(CLI::App& parent, const std::string& name, const std::string& description,
                    const std::string& id_name, id_action action, int& exit_code,
                    const std::string& id_help = "");

/// Prints a 2xx answer: its body (`--output json`) or through `table`; exit_ok.
int print_answer(const client_flags& flags, const node_reply& reply,
                 const std::function<void(const nlohmann::json&)>& table);

/// The flags of a command that starts work with an input: `auraos execution start`, `auraos task
/// run`.
struct start_flags {
  client_flags client;
  std::string id;               ///< The workflow's or task's id.
  std::string input;            ///< JSON text or @file; empty: no input.
  std::string idempotency_key;  ///< Sent as the Idempotency-Key header when set.
  bool wait = false;            ///< Follow the work to its end.

  /// Adds `--input`, `--idempotency-key` and `--wait` (described by `wait_help`) to `command`.
  void add_to(CLI::App& command, const std::string& wait_help);
};

/// POSTs `{"input": ...}` of `flags` to `path` with its Idempotency-Key: the 2xx answer, or the
/// exit code after printing why not (2 for a malformed --input).
result<node_reply, int> post_start(const start_flags& flags, const std::string& path);

/// The `id` of a start answer, or exit_failed after printing that the answer had none.
result<std::string, int> started_id(const node_reply& reply);

/// Adds `create FILE` (POST /api/v1/COLLECTION) and `update ID FILE` (PUT /api/v1/COLLECTION/ID)
/// to `parent`: the JSON definition in FILE is sent and the stored one printed through `table`.
void add_definition_commands(CLI::App& parent, const std::string& collection,
                             const std::string& noun, const std::string& update_help,
                             void (*table)(const nlohmann::json& items), int& exit_code);

/// A JSON value as one table cell: strings as they are, null as "-", others as JSON.
std::string cell(const nlohmann::json& value);

/// `object[name]` as a cell ("-" when absent).
std::string field(const nlohmann::json& object, const char* name);

/// `/api/v1/COLLECTION/ID` with the id escaped (`collection` like "workflows").
std::string resource_path(const std::string& collection, const std::string& id);

}  // namespace auraos::cli
