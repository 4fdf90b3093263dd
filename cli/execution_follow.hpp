#pragma once
// Following an execution to its end through its stored history (`auraos execution watch` and
// `auraos execution start --wait`).

#include <string>

#include "cli/client_output.hpp"

namespace auraos::cli {

/// Where the history lines of a followed execution go.
enum class progress_to {
  stdout_lines,  ///< `watch`: each record on stdout (a line of text, or of JSON with --output json).
  stderr_lines,  ///< `start --wait`: each record on stderr, as `auraos run` shows progress.
};

/// Reads the history of execution `id` page after page as it grows, prints each record as it
/// is stored, and at the end prints the output (stdout) or the status and error (stderr). The
/// exit code is that of `auraos run`: 0 completed, 1 failed, cancelled or timed out; 3 when
/// the node cannot be reached, 1 when it answers an error (an unknown id).
int follow_execution(const client_flags& flags, const std::string& id, progress_to progress);

}  // namespace auraos::cli
