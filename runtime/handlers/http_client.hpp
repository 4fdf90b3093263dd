#pragma once
// Runs http node attempts off the actor scheduler, on the client's own I/O thread.

#include <functional>
#include <memory>

#include "runtime/handlers/http_request.hpp"
#include "runtime/handlers/work_result.hpp"

namespace auraos::runtime::handlers {

class http_exchange;

/// The result of an http attempt: output `{status, headers, body, json}`.
using http_result = work_result;

/// An HTTP/1.1 client (http and https) with one I/O thread; delivers each result exactly once.
class http_client {
 public:
  /// Lets the starter stop a running request.
  class handle {
   public:
    /// A handle that refers to no request.
    handle() = default;
    /// Aborts the request; its result becomes error `cancelled` unless it already ended.
    void cancel() const;

   private:
    friend class http_client;
    explicit handle(std::weak_ptr<http_exchange> exchange) : exchange_(std::move(exchange)) {}
    std::weak_ptr<http_exchange> exchange_;
  };

  /// Starts the I/O thread; https peers are verified against the system CA store.
  http_client();
  /// Cancels every running request, waits for their results, then stops the I/O thread.
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  /// Sends `request`; `done` is called exactly once from the client's I/O thread.
  handle start(http_request request, std::function<void(http_result)> done);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace auraos::runtime::handlers
