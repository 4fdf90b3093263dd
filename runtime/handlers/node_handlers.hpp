#pragma once
// Where node attempts run: shell commands and HTTP calls, off the actor scheduler.

#include <functional>
#include <memory>

#include "runtime/handlers/http_request.hpp"
#include "runtime/handlers/shell_request.hpp"
#include "runtime/handlers/work_result.hpp"

namespace auraos::runtime::handlers {

/// Receives an attempt's result, exactly once, from a handler thread.
using done_fn = std::function<void(work_result)>;

/// Stops a started attempt: its result becomes error `cancelled` unless it already ended.
using cancel_fn = std::function<void()>;

/// Starts attempts of shell and http nodes; the real ones, or a test's wrapper around them.
class node_handlers {
 public:
  virtual ~node_handlers() = default;
  /// Starts a shell command; `done` receives its result.
  virtual cancel_fn start_shell(shell_request request, done_fn done) = 0;
  /// Sends an HTTP request; `done` receives its result.
  virtual cancel_fn start_http(http_request request, done_fn done) = 0;
};

/// The real handlers: a shell runner and an HTTP client. Destroying them cancels every
/// running attempt and waits for its result.
std::shared_ptr<node_handlers> make_node_handlers();

}  // namespace auraos::runtime::handlers
