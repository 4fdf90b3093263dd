// `auraos validate FILE...`: checks workflow definition files (spec/interfaces.md).

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "runtime/definition/load_file.hpp"

namespace auraos::cli {
namespace {

/// Validates one file, printing its verdict; true when valid.
bool validate_file(const std::string& file) {
  auto loaded = runtime::definition::load_workflow_file(file);
  if (loaded) {
    std::printf("%s: valid\n", file.c_str());
    return true;
  }
  for (const auto& error : loaded.error())
    std::fprintf(stderr, "%s: %s\n", file.c_str(), error.to_string().c_str());
  return false;
}

void install(CLI::App& app, int& exit_code) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* command = app.add_subcommand(
      "validate", "Check workflow definition files (exit 0: all valid, 2: any invalid)");
  command->add_option("FILE", *files, "Definition files (JSON)")->required();
  command->callback([files, &exit_code] {
    bool all_valid = true;
    for (const auto& file : *files) all_valid = validate_file(file) && all_valid;
    std::fflush(stdout);
    exit_code = all_valid ? exit_ok : exit_invalid;
  });
}

const command_registration registration{10, install};

}  // namespace
}  // namespace auraos::cli
