#pragma once
// One HTTP(S) request/response exchange on an io_context (internal to the http client).

#include <functional>
#include <memory>

#include "runtime/handlers/http_request.hpp"

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}  // namespace ssl
}  // namespace boost::asio

namespace auraos::runtime::handlers {

/// A running exchange; owned by its pending asynchronous operations.
class http_exchange;

/// Starts sending `request` (its URL already checked) on `io`; `done` runs exactly once on an
/// `io` thread. `tls` is used for https URLs.
std::shared_ptr<http_exchange> start_exchange(boost::asio::io_context& io,
                                              boost::asio::ssl::context& tls, http_request request,
                                              std::function<void(work_result)> done);

/// Stops the exchange; its result becomes error `cancelled` unless it already ended.
void cancel_exchange(const std::shared_ptr<http_exchange>& exchange);

}  // namespace auraos::runtime::handlers
