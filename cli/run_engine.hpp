#pragma once
// `auraos run`'s in-process runtime: actor system, embedded store, one execution.

#include <filesystem>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/workflow.hpp"

namespace auraos::cli {

/// The command line of `auraos run`.
struct run_request {
  /// The definition file.
  std::string file;
  /// `--input`: JSON text or `@file`; empty for none.
  std::string input;
  /// `--data-dir`; empty for a temporary folder.
  std::string data_dir;
};

/// Stores `wf`, runs it with `input` to its end and prints the output (stdout) or the error
/// (stderr) and progress lines (stderr); SIGINT/SIGTERM cancel the run. Returns the exit code.
int run_workflow(const runtime::definition::workflow& wf, const nlohmann::json& input,
                 const std::filesystem::path& definitions_dir, const std::filesystem::path& db);

}  // namespace auraos::cli
