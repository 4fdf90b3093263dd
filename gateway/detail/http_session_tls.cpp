// Internal: the start and end of a TLS connection: the handshake (after making sure the client
// speaks TLS: a plain HTTP request is answered, in plain HTTP, that this port is HTTPS), and the
// close_notify before the socket closes.

#include <spdlog/spdlog.h>
#include <boost/beast/core/detect_ssl.hpp>

#include "gateway/detail/http_session.hpp"

namespace auraos::gateway::detail {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

/// How long the close_notify exchange may take before the socket is closed anyway.
constexpr std::chrono::seconds tls_shutdown_timeout{2};

}  // namespace

void http_session::detect_tls() {
  tcp().expires_after(context_->options().read_timeout);
  beast::async_detect_ssl(tcp(), buffer_,
                          beast::bind_front_handler(&http_session::on_detect, shared_from_this()));
}

void http_session::on_detect(beast::error_code ec, bool tls) {
  if (ec || phase_ == phase::closed) return close();
  if (!tls) return refuse_plain_http();
  tcp().expires_after(context_->options().read_timeout);
  std::get<tls_stream>(stream_).async_handshake(
      net::ssl::stream_base::server, buffer_.data(),
      beast::bind_front_handler(&http_session::on_handshake, shared_from_this()));
}

void http_session::on_handshake(beast::error_code ec, std::size_t used) {
  if (phase_ == phase::closed) return;
  if (ec) {
    spdlog::debug("gateway: TLS handshake with {} failed: {}", peer_address(), ec.message());
    return close();
  }
  buffer_.consume(used);
  read_request();
}

void http_session::refuse_plain_http() {
  spdlog::debug("gateway: a plain HTTP request from {} on the HTTPS port: answered 400",
                peer_address());
  phase_ = phase::writing;
  response_ = to_beast_response(
      error_response(make_error(errc::invalid, "this port speaks HTTPS only: use an https:// URL")),
      11, false);
  tcp().expires_after(context_->options().read_timeout);
  http::async_write(tcp(), response_,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      if (ec) return self->close();
                      beast::error_code ignored;
                      self->tcp().socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
                      self->discard_input();
                    });
}

void http_session::close_tls() {
  if (phase_ == phase::closed) return;
  tcp().expires_after(tls_shutdown_timeout);
  std::get<tls_stream>(stream_).async_shutdown(
      [self = shared_from_this()](beast::error_code) { self->close(); });
}

}  // namespace auraos::gateway::detail
