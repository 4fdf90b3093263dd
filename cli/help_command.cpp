// `auraos help [COMMAND...]`: the usage `--help` prints, for the binary or one command.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"

namespace auraos::cli {
namespace {

/// The subcommand of `app` named `name`, or nullptr.
const CLI::App* find_subcommand(const CLI::App& app, const std::string& name) {
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->check_name(name) && sub->get_name() != "help") return sub;
  return nullptr;
}

/// Prints the usage of the command at `path` below `app`; the exit code.
int show_help(const CLI::App& app, const std::vector<std::string>& path) {
  const CLI::App* target = &app;
  std::string prev;
  std::string named;
  for (const auto& name : path) {
    named += (named.empty() ? "" : " ") + name;
    prev = prev.empty() ? app.get_name() : prev + " " + target->get_name();
    target = find_subcommand(*target, name);
    if (!target) {
      std::fprintf(stderr, "auraos help: unknown command '%s'\n", named.c_str());
      return exit_invalid;
    }
  }
  // The formatter directly: App::help() would describe the selected `help` subcommand.
  auto text = target->get_formatter()->make_help(
      target, prev.empty() ? target->get_name() : prev + " " + target->get_name(),
      CLI::AppFormatMode::Normal);
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
  return exit_ok;
}

void install(CLI::App& app, int& exit_code) {
  auto path = std::make_shared<std::vector<std::string>>();
  auto* command =
      app.add_subcommand("help", "Show the usage of auraos or of COMMAND (as --help does)");
  command->add_option("COMMAND", *path, "A command, e.g. serve");
  command->callback([&app, path, &exit_code] { exit_code = show_help(app, *path); });
}

const command_registration registration{90, install};

}  // namespace
}  // namespace auraos::cli
