#pragma once
// How client commands print a node's answers: `--output table|json`, error envelopes, and the
// exit code of each outcome (spec/interfaces.md: 0 ok, 1 error answer, 3 unreachable).

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

/// Prints events (`[event JSON...]`) as a table: time, type, source, id.
void print_event_table(const nlohmann::json& events);

}  // namespace auraos::cli
