// `auraos run FILE [--input JSON or @file] [--data-dir DIR]`: one workflow to its end.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/json_flag.hpp"
#include "cli/run_engine.hpp"
#include "runtime/definition/load_file.hpp"

namespace auraos::cli {
namespace {

namespace fs = std::filesystem;

/// The input of `--input`: JSON, or `@file`; nullopt (after an error line) when unusable.
std::optional<nlohmann::json> read_input(const std::string& given) {
  auto input = json_flag("--input", given.empty() ? "null" : given);
  if (!input) {
    std::fprintf(stderr, "%s\n", input.error().c_str());
    return std::nullopt;
  }
  return std::move(*input);
}

/// Checks the definition and the input; prints every problem.
std::optional<std::pair<runtime::definition::workflow, nlohmann::json>> checked(
    const run_request& request) {
  auto wf = runtime::definition::load_workflow_file(request.file);
  if (!wf) {
    for (const auto& e : wf.error())
      std::fprintf(stderr, "%s: %s\n", request.file.c_str(), e.to_string().c_str());
    return std::nullopt;
  }
  auto input = read_input(request.input);
  if (!input) return std::nullopt;
  auto errors = runtime::definition::check_input(*wf, *input);
  for (const auto& e : errors) std::fprintf(stderr, "input: %s\n", e.to_string().c_str());
  if (!errors.empty()) return std::nullopt;
  return std::make_pair(std::move(*wf), std::move(*input));
}

/// A data directory: the given one, or a fresh temporary one removed at exit; an empty path
/// (after an error line) when it cannot be had.
class data_dir {
 public:
  explicit data_dir(const std::string& given) : keep_(!given.empty()) {
    std::error_code ec;
    if (keep_) {
      fs::create_directories(given, ec);
      if (!ec && !fs::is_directory(given, ec))
        ec = std::make_error_code(std::errc::not_a_directory);
      if (ec)
        std::fprintf(stderr, "--data-dir: cannot use '%s': %s\n", given.c_str(),
                     ec.message().c_str());
      else
        path_ = given;
      return;
    }
    auto temp = fs::temp_directory_path(ec);
    std::string pattern = ((ec ? fs::path("/tmp") : temp) / "auraos-run-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr)
      path_ = pattern;
    else
      std::fprintf(stderr, "cannot create a temporary data directory: %s\n", std::strerror(errno));
  }
  ~data_dir() {
    std::error_code ignored;
    if (!keep_ && !path_.empty()) fs::remove_all(path_, ignored);
  }
  data_dir(const data_dir&) = delete;
  data_dir& operator=(const data_dir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  bool keep_;
  fs::path path_;
};

int run(const run_request& request) {
  auto ready = checked(request);
  if (!ready) return exit_invalid;
  data_dir dir(request.data_dir);
  if (dir.path().empty()) return exit_invalid;
  return run_workflow(ready->first, ready->second, fs::path(request.file).parent_path(),
                      dir.path() / "auraos.db");
}

void install(CLI::App& app, int& exit_code) {
  auto request = std::make_shared<run_request>();
  auto* command = app.add_subcommand(
      "run", "Run one workflow to its end in this process (exit 0 completed, 1 failed, 2 invalid)");
  command->add_option("FILE", request->file, "Definition file (JSON)")->required();
  command->add_option("--input", request->input, "Execution input: JSON text or @file");
  command->add_option("--data-dir", request->data_dir, "Keep the store in this folder");
  command->callback([request, &exit_code] { exit_code = run(*request); });
}

const command_registration registration{20, install};

}  // namespace
}  // namespace auraos::cli
