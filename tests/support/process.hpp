#pragma once
// Runs a child process for tests: argv, optional stdin, captured output, a deadline.

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace auraos::test {

/// What a finished child process left behind.
struct process_result {
  /// Exit status, or 128 + signal number when killed; -1 when the deadline passed.
  int exit_code = -1;
  std::string out;
  std::string err;
  bool timed_out = false;
};

/// Options of one run.
struct process_options {
  std::string stdin_data;
  std::chrono::milliseconds deadline{std::chrono::seconds(60)};
  /// Added to (or overriding) the inherited environment.
  std::map<std::string, std::string> env;
  std::string cwd;
};

/// Runs argv[0] (looked up in PATH) and waits for it; kills it at the deadline.
process_result run_process(const std::vector<std::string>& argv,
                           const process_options& options = {});

/// Path of the `auraos` binary under test (from the AURAOS_BIN environment variable).
std::string auraos_binary();

/// The project's source directory (from AURAOS_SOURCE_DIR).
std::string source_dir();

}  // namespace auraos::test
