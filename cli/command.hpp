#pragma once
// Subcommands of the `auraos` binary register themselves here.

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace auraos::cli {

/// Exit codes shared by every command (spec/interfaces.md).
enum exit_code : int { exit_ok = 0, exit_failed = 1, exit_invalid = 2, exit_unreachable = 3 };

/// Adds one subcommand to the app; the callback it installs sets the exit code.
using command_installer = std::function<void(CLI::App& app, int& exit_code)>;

/// A subcommand's registration: its place in `--help` and the function that adds it.
struct command_registration {
  /// Registers `install` at `order` (help lists commands by ascending order).
  command_registration(int order, command_installer install);
};

/// Every registered installer, in help order.
std::vector<command_installer> registered_commands();

}  // namespace auraos::cli
