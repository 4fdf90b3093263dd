// The test HTTP client: Beast's async operations run to completion on a private io_context.

#include "tests/support/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace auraos::test {
namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct http_connection::impl {
  net::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  std::string place;
  std::chrono::milliseconds timeout;
  /// The last request sent was HEAD: its response has header fields only.
  bool head_sent = false;

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

}  // namespace

http_connection::http_connection(const std::string& host, std::uint16_t port,
                                 std::chrono::milliseconds timeout)
    : impl_(std::make_unique<impl>()) {
  impl_->place = host + ":" + std::to_string(port);
  impl_->timeout = timeout;
  tcp::resolver resolver{impl_->io};
  auto endpoints = resolver.resolve(host, std::to_string(port));
  beast::error_code ec;
  impl_->stream.expires_after(timeout);
  impl_->stream.async_connect(endpoints, [&](beast::error_code e, auto) { ec = e; });
  impl_->finish(ec, "connect");
}

http_connection::~http_connection() {
  beast::error_code ignored;
  impl_->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

void http_connection::send(const http_call& call) {
  http::request<http::string_body> request{http::string_to_verb(call.method), call.target, 11};
  request.set(http::field::host, impl_->place);
  for (const auto& [name, value] : call.headers) request.set(name, value);
  request.body() = call.body;
  request.prepare_payload();
  impl_->head_sent = call.method == "HEAD";
  beast::error_code ec;
  impl_->stream.expires_after(impl_->timeout);
  http::async_write(impl_->stream, request, [&](beast::error_code e, std::size_t) { ec = e; });
  impl_->finish(ec, "write");
}

http_reply http_connection::receive() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(impl_->head_sent);
  beast::error_code ec;
  impl_->stream.expires_after(impl_->timeout);
  http::async_read(impl_->stream, impl_->buffer, parser,
                   [&](beast::error_code e, std::size_t) { ec = e; });
  impl_->finish(ec, "read");
  auto response = parser.release();
  http_reply reply{static_cast<int>(response.result_int()), {}, std::move(response.body())};
  for (const auto& field : response) {
    reply.headers[lower(std::string(field.name_string()))] = std::string(field.value());
  }
  return reply;
}

http_reply http_connection::request(const http_call& call) {
  send(call);
  return receive();
}

bool http_connection::closed_by_server() {
  char byte = 0;
  beast::error_code ec;
  impl_->stream.expires_after(impl_->timeout);
  impl_->stream.async_read_some(net::buffer(&byte, 1),
                                [&](beast::error_code e, std::size_t) { ec = e; });
  impl_->io.restart();
  impl_->io.run();
  return ec && ec != beast::error::timeout;
}

http_reply http_fetch(const std::string& host, std::uint16_t port, const http_call& call) {
  http_connection connection{host, port};
  return connection.request(call);
}

}  // namespace auraos::test
