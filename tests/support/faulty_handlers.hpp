#pragma once
// A fault-injecting wrapper around the node handlers for tests: failed or crashing attempts.

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "runtime/handlers/node_handlers.hpp"

namespace auraos::test {

/// Thrown by a crashing attempt's start: it escapes the execution actor's handler, so the
/// actor ends with it as a crash would.
struct injected_crash : std::runtime_error {
  /// A crash with the message "injected crash (faulty_handlers)".
  injected_crash();
};

/// Passes attempts to real handlers, except the faults a test injects. Thread-safe.
class faulty_handlers final : public runtime::handlers::node_handlers {
 public:
  /// Handlers that behave like `real` until a fault is injected.
  explicit faulty_handlers(std::shared_ptr<runtime::handlers::node_handlers> real);

  /// The next `count` attempts end at once with `error`, never reaching the real handlers.
  void fail_next(std::size_t count, runtime::handlers::work_error error);
  /// The next `count` attempts throw `injected_crash` from their start, crashing the
  /// execution actor that starts them.
  void crash_next(std::size_t count);
  /// Attempts started so far, faulty ones included.
  std::size_t attempts() const;

  /// Starts a shell attempt unless a fault answers instead.
  runtime::handlers::cancel_fn start_shell(runtime::handlers::shell_request request,
                                           runtime::handlers::done_fn done) override;
  /// Starts an http attempt unless a fault answers instead.
  runtime::handlers::cancel_fn start_http(runtime::handlers::http_request request,
                                          runtime::handlers::done_fn done) override;

 private:
  /// What happens to the next attempt.
  enum class next { pass, fail, crash };
  /// Counts the attempt and takes the fault it meets.
  next take(std::optional<runtime::handlers::work_error>& error);
  /// `start()`, unless a fault answers instead.
  template <class Start>
  runtime::handlers::cancel_fn run(runtime::handlers::done_fn& done, Start start);

  std::shared_ptr<runtime::handlers::node_handlers> real_;
  mutable std::mutex mutex_;
  std::size_t failing_ = 0;
  runtime::handlers::work_error error_;
  std::size_t crashing_ = 0;
  std::size_t attempts_ = 0;
};

}  // namespace auraos::test
