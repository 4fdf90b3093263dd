#pragma once
// How client commands print a node's answers: `--output table|json`, error envelopes, and the
// exit code of each outcome (spec/interfaces.md: 0 ok, 1 error answer, 3 unreachable).

#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cli/node_client.hpp"

namespace CLI {
class App;
}

namespace auraos::cli {

/// The `--server` and `--output` flags every client command takes.
struct client_flags {
  std::string server;  ///< `--server URL` (empty: $AURAOS_SERVER or the default).
  std::string output;  ///< `--output table|json` (empty: table on a terminal, else json).
  std::string token;   ///< `--token T` (empty: $AURAOS_TOKEN, else the `auraos login` one).

  /// Adds both flags to `command`.
  void add_to(CLI::App& command);
  /// True when answers print as JSON.
  bool json() const;
};

/// Prints a failed call: an unreachable server (exit 3) or an error answer's message and
/// details (exit 1); the exit code.
int print_failure(const result<node_reply, unreachable>& reply);

/// True when the call got a 2xx answer.
bool succeeded(const result<node_reply, unreachable>& reply);

/// Sends one request to the node of `flags`: its 2xx answer, or the exit code after printing
/// why not (2 a bad `--server`, 3 unreachable, 1 an error answer).
result<node_reply, int> call_checked(const client_flags& flags, const std::string& method,
                                     const std::string& target, const std::string& body = "",
                                     const std::map<std::string, std::string>& headers = {});

/// Prints "auraos: `message`" on stderr; exit_invalid (bad usage).
int usage_error(const std::string& message);

/// Prints events (`[event JSON...]`) as a table: time, type, source, id.
void print_event_table(const nlohmann::json& events);

}  // namespace auraos::cli
