// The test HTTPS client: Beast's async operations (over ssl_stream or tcp_stream) run to
// completion on a private io_context, each with a deadline.

#include "tests/support/https_client.hpp"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace auraos::test {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

struct https_connection::impl {
  using secure_stream = beast::ssl_stream<beast::tcp_stream>;
  net::io_context io;
  std::optional<net::ssl::context> ssl;
  std::optional<beast::tcp_stream> plain;
  std::optional<secure_stream> secure;
  std::optional<websocket::stream<beast::tcp_stream&>> plain_socket;
  std::optional<websocket::stream<secure_stream&>> secure_socket;
  beast::flat_buffer buffer;
  std::string raw;
  std::string place;
  std::chrono::milliseconds timeout{};
  bool head_sent = false;

  beast::tcp_stream& lowest() { return secure ? beast::get_lowest_layer(*secure) : *plain; }
  template <class F>
  void with_stream(F&& f) {
    if (secure)
      f(*secure);
    else
      f(*plain);
  }
  template <class F>
  void with_socket(F&& f) {
    if (secure_socket)
      f(*secure_socket);
    else
      f(*plain_socket);
  }
  /// Runs the pending operation to completion; throws naming `step` on failure.
  void finish(const beast::error_code& ec, const char* step) {
    io.restart();
    io.run();
    if (ec) throw std::runtime_error(place + ": " + step + " failed: " + ec.message());
  }
};

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// Makes the handshake check that the certificate names `host` (an IP address or a DNS name).
void expect_name(SSL* ssl, const std::string& host) {
  boost::system::error_code not_ip;
  net::ip::make_address(host, not_ip);
  if (!not_ip) {
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str());
  } else {
    SSL_set_tlsext_host_name(ssl, host.c_str());
    SSL_set1_host(ssl, host.c_str());
  }
}

}  // namespace

https_connection::https_connection(const std::string& host, std::uint16_t port,
                                   connect_options options)
    : impl_(std::make_unique<impl>()) {
  impl_->place = host + ":" + std::to_string(port);
  impl_->timeout = options.timeout;
  if (options.ca_file.empty()) {
    impl_->plain.emplace(impl_->io);
  } else {
    impl_->ssl.emplace(net::ssl::context::tls_client);
    impl_->ssl->load_verify_file(options.ca_file);
    impl_->ssl->set_verify_mode(net::ssl::verify_peer);
    impl_->secure.emplace(impl_->io, *impl_->ssl);
    expect_name(impl_->secure->native_handle(), host);
  }
  tcp::resolver resolver{impl_->io};
  auto endpoint = resolver.resolve(host, std::to_string(port)).begin()->endpoint();
  auto& socket = impl_->lowest().socket();
  if (!options.source.empty()) {
    socket.open(endpoint.protocol());
    socket.bind(tcp::endpoint{net::ip::make_address(options.source), 0});
  }
  beast::error_code ec;
  impl_->lowest().expires_after(options.timeout);
  impl_->lowest().async_connect(endpoint, [&](beast::error_code e) { ec = e; });
  impl_->finish(ec, "connect");
  if (!impl_->secure) return;
  impl_->lowest().expires_after(options.timeout);
  impl_->secure->async_handshake(net::ssl::stream_base::client,
                                 [&](beast::error_code e) { ec = e; });
  impl_->finish(ec, "TLS handshake");
}

https_connection::~https_connection() {
  beast::error_code ignored;
  impl_->lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
}

void https_connection::send(const http_call& call) {
  http::request<http::string_body> request{http::string_to_verb(call.method), call.target, 11};
  request.set(http::field::host, impl_->place);
  for (const auto& [name, value] : call.headers) request.set(name, value);
  request.body() = call.body;
  request.prepare_payload();
  impl_->head_sent = call.method == "HEAD";
  beast::error_code ec;
  impl_->lowest().expires_after(impl_->timeout);
  impl_->with_stream([&](auto& stream) {
    http::async_write(stream, request, [&](beast::error_code e, std::size_t) { ec = e; });
  });
  impl_->finish(ec, "write");
}

http_reply https_connection::receive() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(impl_->head_sent);
  beast::error_code ec;
  impl_->lowest().expires_after(impl_->timeout);
  impl_->with_stream([&](auto& stream) {
    http::async_read(stream, impl_->buffer, parser,
                     [&](beast::error_code e, std::size_t) { ec = e; });
  });
  impl_->finish(ec, "read");
  auto response = parser.release();
  http_reply reply{static_cast<int>(response.result_int()), {}, std::move(response.body())};
  for (const auto& field : response)
    reply.headers[lower(std::string(field.name_string()))] = std::string(field.value());
  return reply;
}

http_reply https_connection::request(const http_call& call) {
  send(call);
  return receive();
}

std::string https_connection::read_until(const std::string& needle,
                                         std::chrono::milliseconds deadline) {
  impl_->raw += beast::buffers_to_string(impl_->buffer.data());
  impl_->buffer.consume(impl_->buffer.size());
  auto until = std::chrono::steady_clock::now() + deadline;
  char chunk[4096];
  while (impl_->raw.find(needle) == std::string::npos) {
    auto left = until - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero())
      throw std::runtime_error(impl_->place + ": '" + needle +
                               "' did not come; got: " + impl_->raw);
    beast::error_code ec;
    std::size_t got = 0;
    impl_->lowest().expires_after(left);
    impl_->with_stream([&](auto& stream) {
      stream.async_read_some(net::buffer(chunk), [&](beast::error_code e, std::size_t n) {
        ec = e;
        got = n;
      });
    });
    impl_->finish(ec, "streamed read");
    impl_->raw.append(chunk, got);
  }
  return impl_->raw;
}

bool https_connection::closed_by_server() {
  char byte = 0;
  beast::error_code ec;
  impl_->lowest().expires_after(impl_->timeout);
  impl_->with_stream([&](auto& stream) {
    stream.async_read_some(net::buffer(&byte, 1),
                           [&](beast::error_code e, std::size_t) { ec = e; });
  });
  impl_->io.restart();
  impl_->io.run();
  return ec && ec != beast::error::timeout;
}

std::string https_connection::peer_fingerprint() const {
  if (!impl_->secure) return {};
  X509* cert = SSL_get1_peer_certificate(impl_->secure->native_handle());
  if (!cert) return {};
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  X509_digest(cert, EVP_sha256(), digest, &size);
  X509_free(cert);
  std::string text;
  char pair[4];
  for (unsigned int i = 0; i < size; ++i) {
    std::snprintf(pair, sizeof pair, "%02X", digest[i]);
    text += (i ? ":" : "") + std::string(pair);
  }
  return text;
}

int https_connection::upgrade_websocket(const std::string& target,
                                        const std::map<std::string, std::string>& headers) {
  if (impl_->secure)
    impl_->secure_socket.emplace(*impl_->secure);
  else
    impl_->plain_socket.emplace(*impl_->plain);
  websocket::response_type response;
  beast::error_code ec;
  impl_->lowest().expires_after(impl_->timeout);
  impl_->with_socket([&](auto& socket) {
    socket.set_option(websocket::stream_base::decorator([headers](websocket::request_type& r) {
      for (const auto& [name, value] : headers) r.set(name, value);
    }));
    socket.async_handshake(response, impl_->place, target, [&](beast::error_code e) { ec = e; });
  });
  impl_->io.restart();
  impl_->io.run();
  if (ec && ec != websocket::error::upgrade_declined)
    throw std::runtime_error(impl_->place + ": WebSocket handshake failed: " + ec.message());
  return static_cast<int>(response.result_int());
}

std::string https_connection::read_message() {
  beast::flat_buffer message;
  beast::error_code ec;
  impl_->lowest().expires_after(impl_->timeout);
  impl_->with_socket([&](auto& socket) {
    socket.async_read(message, [&](beast::error_code e, std::size_t) { ec = e; });
  });
  impl_->finish(ec, "WebSocket read");
  return beast::buffers_to_string(message.data());
}

}  // namespace auraos::test
