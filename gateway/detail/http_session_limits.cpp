// Internal: the gateway's limits on one connection (docs/security.md, Rate and size limits):
// the connection limit, the target length, the rate buckets by token and by address, and the
// open streams per caller.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "gateway/detail/http_session.hpp"
#include "runtime/crypto/random.hpp"

namespace auraos::gateway::detail {
namespace http = boost::beast::http;
namespace security = runtime::security;

std::optional<http_response> http_session::admit(const http::request_header<>& request,
                                                 const std::string& peer) {
  const auto& limits = context_->options().limits;
  auto target = request.target();
  if (target.size() > limits.max_target_bytes)
    return error_response(make_error(
        errc::uri_too_long,
        fmt::format("the request target is {} bytes long, above the limit of {} bytes (config "
                    "limits.maxTargetBytes)",
                    target.size(), limits.max_target_bytes)));
  security::caller_key caller;
  caller.address = peer;
  auto authorization = request[http::field::authorization];
  auto credential = security::bearer_credential({authorization.data(), authorization.size()});
  if (!credential.empty()) caller.token_hash = runtime::crypto::sha256_hex(credential);
  subscription_key_ = caller.subscription_key();
  auto refused = context_->limiter().admit(caller, std::chrono::steady_clock::now());
  if (!refused) return std::nullopt;
  if (context_->should_log_refusal()) spdlog::warn("gateway: refused: {}", refused->message);
  auto response = error_response(make_error(errc::too_many_requests, refused->message));
  response.headers.set("Retry-After", std::to_string(refused->retry_after_seconds));
  return response;
}

http_response http_session::over_capacity() {
  auto most = context_->open().max_connections();
  if (context_->should_log_refusal())
    spdlog::warn(
        "gateway: {} connections are open, the limit (config limits.maxConnections): "
        "new connections are answered 503",
        most);
  auto response = error_response(make_error(
      errc::unavailable, fmt::format("the server has {} connections open, its limit (config "
                                     "limits.maxConnections); retry later",
                                     most)));
  response.headers.set("Retry-After", "1");
  return response;
}

std::optional<http_response> http_session::open_subscription() {
  auto& open = context_->open();
  if (open.open_subscription(subscription_key_)) {
    subscribed_ = true;
    return std::nullopt;
  }
  bool by_token = subscription_key_.rfind("token:", 0) == 0;
  return error_response(make_error(
      errc::too_many_requests,
      fmt::format("{} streams are open {}, the limit (config limits.maxSubscriptions): close one "
                  "first",
                  open.max_subscriptions(), by_token ? "with this token" : "from this address")));
}

void http_session::end_subscription() {
  if (!subscribed_) return;
  subscribed_ = false;
  context_->open().close_subscription(subscription_key_);
}

}  // namespace auraos::gateway::detail
