#pragma once
// The `auraos event` commands beyond publish, list and tail.

namespace CLI {
class App;
}

namespace auraos::cli {

/// Adds `get`, `correlation`, `metrics`, `cleanup`, `pattern ...` and `retention ...` to
/// `auraos event`.
void add_event_rules_commands(CLI::App& events, int& exit_code);

}  // namespace auraos::cli
