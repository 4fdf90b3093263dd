#pragma once
// Runs shell node attempts off the actor scheduler: one dedicated thread per running command.

#include <cstddef>
#include <functional>
#include <memory>

#include "runtime/handlers/shell_request.hpp"
#include "runtime/handlers/work_result.hpp"

namespace auraos::runtime::handlers {

/// The result of a shell attempt: output `{exitCode, stdout, stderr, json}`.
using shell_result = work_result;

/// Starts commands and delivers each one's result exactly once, from a runner thread.
class shell_runner {
 public:
  struct job;
  struct shared_state;

  /// Lets the starter stop a running command.
  class handle {
   public:
    /// A handle that refers to no command.
    handle() = default;
    /// Kills the command's process group (SIGTERM, then SIGKILL after the grace period);
    /// the result becomes error `cancelled`. Does nothing once the command has ended.
    void cancel() const;

   private:
    friend class shell_runner;
    explicit handle(std::shared_ptr<job> job) : job_(std::move(job)) {}
    std::shared_ptr<job> job_;
  };

  /// A runner with no commands.
  shell_runner();
  /// Cancels every running command and waits until each has delivered its result.
  ~shell_runner();
  shell_runner(const shell_runner&) = delete;
  shell_runner& operator=(const shell_runner&) = delete;

  /// Spawns `request` on a new runner thread; `done` is called exactly once from that thread
  /// (from the caller, with error `spawn`, when no thread can be started).
  handle start(shell_request request, std::function<void(shell_result)> done);

  /// Number of commands whose result has not been delivered yet.
  std::size_t running() const;

 private:
  std::shared_ptr<shared_state> state_;
};

}  // namespace auraos::runtime::handlers
