#pragma once
// Spawns a shell request as the leader of a new process group, with piped stdio.

#include <sys/types.h>

#include "runtime/handlers/shell_request.hpp"
#include "runtime/handlers/unique_fd.hpp"

namespace auraos::runtime::handlers {

/// A started command: its pid (also its process group id) and our ends of its pipes.
struct spawned_process {
  /// Process id and process group id of the command.
  pid_t pid = -1;
  /// Pollable descriptor that becomes readable when the process exits (pidfd).
  unique_fd exit_fd;
  /// Write end of the command's stdin (non-blocking), unset once all input is written.
  unique_fd stdin_fd;
  /// Read end of the command's stdout (non-blocking).
  unique_fd stdout_fd;
  /// Read end of the command's stderr (non-blocking).
  unique_fd stderr_fd;
};

/// Spawns `request` with posix_spawn: own process group, default signal dispositions, empty
/// signal mask, only fds 0-2 inherited. Fails with error type `spawn` (command not found, bad cwd).
result<spawned_process, work_error> spawn_process(const shell_request& request);

}  // namespace auraos::runtime::handlers
