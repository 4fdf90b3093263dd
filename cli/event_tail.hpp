#pragma once
// `auraos event tail`: follows a node's event stream (Server-Sent Events) and prints one JSON
// event per line.

namespace CLI {
class App;
}

namespace auraos::cli {

/// Adds `tail` to the `event` command.
void add_tail(CLI::App& events, int& exit_code);

}  // namespace auraos::cli
