#pragma once
// Supervises one spawned command until it ends: feeds stdin, captures output, stops it.

#include <atomic>
#include <chrono>
#include <string>

#include "runtime/handlers/shell_process.hpp"

namespace auraos::runtime::handlers {

/// Output captured from one stream, at most the request's cap.
struct captured_stream {
  /// The kept bytes.
  std::string bytes;
  /// True when more bytes came than the cap allows.
  bool truncated = false;
};

/// Why the runtime stopped a command, if it did.
enum class stop_reason { none, cancelled, timeout };

/// How a supervised command ended.
struct shell_outcome {
  /// Raw wait status from waitpid.
  int wait_status = 0;
  /// Captured standard output.
  captured_stream out;
  /// Captured standard error.
  captured_stream err;
  /// Set when the command was cancelled or ran past its timeout.
  stop_reason reason = stop_reason::none;
};

/// Runs the poll loop of one command on the calling thread; blocks until the command is gone.
/// Once the command's leader exits, whatever is left in its process group is killed.
shell_outcome supervise(spawned_process process, const shell_request& request, int wake_fd,
                        const std::atomic<bool>& cancel_requested);

}  // namespace auraos::runtime::handlers
