#include "runtime/handlers/http_exchange.hpp"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>

#include "runtime/handlers/http_result.hpp"

namespace auraos::runtime::handlers {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;

class http_exchange : public std::enable_shared_from_this<http_exchange> {
 public:
  http_exchange(asio::io_context& io, asio::ssl::context& tls, http_request request, parsed_url url,
                std::function<void(work_result)> done)
      : stream_(asio::make_strand(io), tls),
        resolver_(stream_.get_executor()),
        deadline_(stream_.get_executor()),
        connect_deadline_(stream_.get_executor()),
        request_(std::move(request)),
        url_(std::move(url)),
        done_(std::move(done)) {}

  void start() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] { self->begin(); });
  }

  void cancel() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->stop({"cancelled", self->what() + " was cancelled", false});
    });
  }

 private:
  std::string what() const { return request_.method + " " + request_.url; }
  beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }

  void begin() {
    if (finished_) return;
    if (request_.timeout.count() > 0) arm(deadline_, request_.timeout, what());
    arm(connect_deadline_, request_.connect_timeout, "connecting to " + url_.host_header);
    resolver_.async_resolve(url_.host, url_.port,
                            [self = shared_from_this()](error_code ec, auto results) {
                              self->on_resolve(ec, std::move(results));
                            });
  }

  /// Stops the exchange with error `timeout` when `timer` fires after `limit`.
  void arm(asio::steady_timer& timer, std::chrono::milliseconds limit, std::string context) {
    timer.expires_after(limit);
    timer.async_wait([self = shared_from_this(), limit, context](error_code ec) {
      if (ec) return;
      self->stop(
          {"timeout", context + " timed out after " + std::to_string(limit.count()) + " ms", true});
    });
  }

  void on_resolve(error_code ec, const asio::ip::tcp::resolver::results_type& results) {
    if (ec) return finish_transport(ec, "cannot resolve host '" + url_.host + "'");
    tcp().async_connect(
        results, [self = shared_from_this()](error_code ec, const auto&) { self->on_connect(ec); });
  }

  void on_connect(error_code ec) {
    if (ec) return finish_transport(ec, "cannot connect to " + url_.host_header);
    if (!url_.tls) return send();
    if (auto failed = prepare_tls(); failed) {
      return finish_transport(failed, "cannot set up TLS for " + url_.host);
    }
    stream_.async_handshake(asio::ssl::stream_base::client,
                            [self = shared_from_this()](error_code ec) {
                              if (ec) {
                                return self->finish_transport(
                                    ec, "TLS handshake with " + self->url_.host_header + " failed");
                              }
                              self->send();
                            });
  }

  error_code prepare_tls() {
    error_code ec;
    SSL* ssl = stream_.native_handle();
    asio::ip::make_address(url_.host, ec);
    const bool is_ip = !ec;
    ec = {};
    if (!is_ip) SSL_set_tlsext_host_name(ssl, url_.host.c_str());
    if (!request_.verify_peer) {
      stream_.set_verify_mode(asio::ssl::verify_none, ec);
      return ec;
    }
    stream_.set_verify_mode(asio::ssl::verify_peer, ec);
    if (is_ip) {
      X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), url_.host.c_str());
    } else {
      SSL_set1_host(ssl, url_.host.c_str());
    }
    return ec;
  }

  void send() {
    connect_deadline_.cancel();
    build_request();
    auto on_write = [self = shared_from_this()](error_code ec, std::size_t) {
      if (ec) return self->finish_transport(ec, "sending the request to " + self->url_.host_header);
      self->receive();
    };
    on_stream([&](auto& stream) { http::async_write(stream, message_, on_write); });
  }

  void build_request() {
    message_.version(11);
    message_.method_string(request_.method);
    message_.target(url_.target);
    message_.set(http::field::host, url_.host_header);
    message_.set(http::field::user_agent, "auraos");
    for (const auto& [name, value] : request_.headers) message_.set(name, value);
    if (!request_.identity.idempotency_key.empty()) {
      message_.set("Idempotency-Key", request_.identity.idempotency_key);
    }
    message_.body() = request_.body;
    if (!request_.body.empty() || request_.method == "POST" || request_.method == "PUT") {
      message_.prepare_payload();
    }
  }

  /// Header first: Beast 1.74 enforces the body limit against Content-Length only when the
  /// header is parsed on its own (not in eager mode).
  void receive() {
    parser_.body_limit(request_.body_cap);
    parser_.header_limit(64 * 1024);
    auto on_header = [self = shared_from_this()](error_code ec, std::size_t) {
      if (ec) return self->on_read(ec);
      auto on_read = [self](error_code ec, std::size_t) { self->on_read(ec); };
      self->on_stream(
          [&](auto& stream) { http::async_read(stream, self->buffer_, self->parser_, on_read); });
    };
    on_stream([&](auto& stream) { http::async_read_header(stream, buffer_, parser_, on_header); });
  }

  template <class F>
  void on_stream(F&& use) {
    if (url_.tls) {
      use(stream_);
    } else {
      use(tcp());
    }
  }

  void on_read(error_code ec) {
    if (ec == http::error::body_limit) {
      return stop(
          {"response_too_large",
           what() + ": response body exceeds " + std::to_string(request_.body_cap) + " bytes",
           false});
    }
    if (ec) return finish_transport(ec, "reading the response from " + url_.host_header);
    http_response response;
    const auto& message = parser_.get();
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = message.body();
    finish(http_result_of(response, what()));
  }

  void finish_transport(error_code ec, const std::string& context) {
    stop({"connection", context + ": " + ec.message(), true});
  }

  void stop(work_error error) {
    if (!stopped_) stopped_ = std::move(error);
    finish(work_failed(*stopped_));
  }

  void finish(work_result result) {
    if (finished_) return;
    finished_ = true;
    deadline_.cancel();
    connect_deadline_.cancel();
    resolver_.cancel();
    error_code ignored;
    tcp().socket().close(ignored);
    done_(std::move(result));
  }

  beast::ssl_stream<beast::tcp_stream> stream_;
  asio::ip::tcp::resolver resolver_;
  asio::steady_timer deadline_;
  asio::steady_timer connect_deadline_;
  http_request request_;
  parsed_url url_;
  std::function<void(work_result)> done_;
  http::request<http::string_body> message_;
  beast::flat_buffer buffer_;
  http::response_parser<http::string_body> parser_;
  std::optional<work_error> stopped_;
  bool finished_ = false;
};

std::shared_ptr<http_exchange> start_exchange(asio::io_context& io, asio::ssl::context& tls,
                                              http_request request,
                                              std::function<void(work_result)> done) {
  auto url = parse_url(request.url);
  if (!url) {
    asio::post(
        io, [done = std::move(done), error = std::move(url).error()] { done(work_failed(error)); });
    return nullptr;
  }
  auto exchange = std::make_shared<http_exchange>(io, tls, std::move(request),
                                                  std::move(url).value(), std::move(done));
  exchange->start();
  return exchange;
}

void cancel_exchange(const std::shared_ptr<http_exchange>& exchange) {
  if (exchange) exchange->cancel();
}

}  // namespace auraos::runtime::handlers
