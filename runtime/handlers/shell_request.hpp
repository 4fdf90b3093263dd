#pragma once
// One shell node attempt: what to run, where, with which environment and limits.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/handlers/attempt_identity.hpp"
#include "runtime/handlers/work_result.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::handlers {

/// A fully rendered shell command, ready to spawn.
struct shell_request {
  /// argv; argv[0] is looked up in PATH (a string command becomes `/bin/sh -c STRING`).
  std::vector<std::string> argv;
  /// Variables added to the inherited environment, overriding same-named ones.
  std::map<std::string, std::string> env;
  /// Working directory; empty means the runtime's own.
  std::string cwd;
  /// Bytes written to the command's standard input, which is then closed.
  std::string stdin_data;
  /// Exported as AURAOS_EXECUTION_ID, AURAOS_NODE_ID, AURAOS_ATTEMPT, AURAOS_IDEMPOTENCY_KEY.
  attempt_identity identity;
  /// Bytes kept per stream (stdout, stderr); the rest is read and dropped.
  std::size_t output_cap = std::size_t{1} << 20;
  /// Time limit of the attempt; zero means none (the engine may still cancel).
  std::chrono::milliseconds timeout{0};
  /// Wait between SIGTERM and SIGKILL when the command is cancelled or times out.
  std::chrono::milliseconds kill_grace{2000};
};

/// Builds a request from a rendered shell config (`command`, `env`, `cwd`, `stdin`).
/// Fails with error type `config` naming the offending field.
result<shell_request, work_error> parse_shell_config(const nlohmann::json& config,
                                                     attempt_identity identity);

/// The environment of the command: inherited, then `env`, then the AURAOS_* variables.
std::vector<std::string> shell_environment(const shell_request& request);

}  // namespace auraos::runtime::handlers
