// Entry point of the `auraos` binary: parses the command line and runs one subcommand.

#include <algorithm>
#include <cstdio>
#include <exception>
#include <utility>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/version.hpp"

namespace auraos::cli {
namespace {

struct ordered_installer {
  int order;
  command_installer install;
};

std::vector<ordered_installer>& installers() {
  static std::vector<ordered_installer> all;
  return all;
}

}  // namespace

command_registration::command_registration(int order, command_installer install) {
  installers().push_back({order, std::move(install)});
}

std::vector<command_installer> registered_commands() {
  auto sorted = installers();
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.order < b.order; });
  std::vector<command_installer> result;
  for (auto& entry : sorted) result.push_back(std::move(entry.install));
  return result;
}

/// True when `name` is a registered subcommand of `app`.
bool has_subcommand(const CLI::App& app, const std::string& name) {
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(name)) return true;
  }
  return false;
}

}  // namespace auraos::cli

int main(int argc, char** argv) {
  using namespace auraos::cli;
  CLI::App app{"AuraOS Runtime: durable workflows, tasks and event streams", "auraos"};
  app.require_subcommand(1);
  app.set_version_flag("--version", version_text(), "Print the version and exit");
  int exit_code = exit_ok;
  for (const auto& install : registered_commands()) install(app, exit_code);
  // Names the first word that is not a command where a command is needed ("task bogus"),
  // instead of CLI11's "A subcommand is required".
  const CLI::App* level = &app;
  std::string path = "auraos";
  for (int i = 1; i < argc && argv[i][0] != '-'; ++i) {
    if (level->get_require_subcommand_min() == 0) break;
    if (!has_subcommand(*level, argv[i])) {
      auto of = level == &app ? std::string{} : " of '" + path + "'";
      std::fprintf(stderr, "auraos: unknown command '%s'%s (run '%s --help' for usage)\n", argv[i],
                   of.c_str(), path.c_str());
      return exit_invalid;
    }
    level = level->get_subcommand(argv[i]);
    path += std::string(" ") + argv[i];
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "auraos: %s (run 'auraos --help' for usage)\n", e.what());
    return exit_invalid;
  } catch (const std::exception& e) {  // a bug: still one line and a clean exit, never an abort
    std::fprintf(stderr, "auraos: unexpected error: %s\n", e.what());
    return exit_invalid;
  }
  return exit_code;
}
