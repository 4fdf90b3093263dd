#pragma once
// Internal (includes Beast/Asio): one HTTP connection, plain or TLS, reading requests and writing
// answers; a streamed answer may turn it into a Server-Sent Events stream or a WebSocket.

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "gateway/api_error.hpp"
#include "gateway/detail/beast_message.hpp"
#include "gateway/detail/server_context.hpp"
#include "gateway/responder.hpp"
#include "gateway/stream_writer.hpp"

namespace auraos::gateway::detail {

/// One connection: reads a request, hands it to the handler, writes its answer, repeats
/// while the connection is kept alive. Every step runs on the connection's strand. With a
/// TLS context the connection speaks HTTPS only, with that context for its whole life.
class http_session : public std::enable_shared_from_this<http_session> {
 public:
  /// A session over an accepted socket (whose executor is a strand); `tls` null: plain HTTP.
  /// A session that is not `admitted` (over the connection limit) answers its first request
  /// 503 and closes.
  http_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<server_context> context,
               std::shared_ptr<boost::asio::ssl::context> tls, bool admitted);
  /// Tells the server context the session is gone.
  ~http_session();

  /// Starts reading the first request.
  void start();
  /// Closes the connection when idle; an in-flight request is answered, then closed.
  void begin_stop();
  /// Closes the connection now, whatever it is doing.
  void force_close();

 private:
  enum class phase { reading, handling, writing, streaming, closed };
  using plain_stream = boost::beast::tcp_stream;
  using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;
  using plain_websocket = boost::beast::websocket::stream<plain_stream&>;
  using tls_websocket = boost::beast::websocket::stream<tls_stream&>;

  /// The stream of a new connection: TLS over the socket when `tls` is set.
  static std::variant<plain_stream, tls_stream> make_stream(
      boost::asio::ip::tcp::socket&& socket, const std::shared_ptr<boost::asio::ssl::context>& tls);
  /// Calls `f` with the connection's stream (plain or TLS).
  template <class F>
  void with_stream(F&& f) {
    std::visit(std::forward<F>(f), stream_);
  }
  /// Calls `f` with the WebSocket, if the connection became one.
  template <class F>
  void with_websocket(F&& f) {
    std::visit(
        [&](auto& socket) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(socket)>, std::monostate>) f(socket);
        },
        websocket_);
  }
  /// The TCP stream (under TLS, or the stream itself): timeouts, the socket, the executor.
  plain_stream& tcp();
  /// As tcp(), read only.
  const plain_stream& tcp() const;
  /// True once the connection became a WebSocket.
  bool is_websocket() const { return websocket_.index() != 0; }

  // The TLS handshake (http_session_tls.cpp).
  void detect_tls();
  void on_detect(boost::beast::error_code ec, bool tls);
  void on_handshake(boost::beast::error_code ec, std::size_t used);
  void refuse_plain_http();
  void close_tls();
  // Limits (http_session_limits.cpp).
  std::optional<http_response> admit(const boost::beast::http::request_header<>& request,
                                     const std::string& peer);
  http_response over_capacity();
  std::optional<http_response> open_subscription();
  void end_subscription();

  void read_request();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void handle_request();
  /// The client's address ("" when the socket has none any more).
  std::string peer_address() const;
  responder make_responder();
  void deliver(http_response response);
  void reject(http_response response);
  void write(http_response response, bool keep_alive);
  void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
  void drain_then_close();
  // Streamed responses (http_session_stream.cpp).
  void begin_stream(http_response head, std::shared_ptr<stream_writer> writer,
                    const stream_options& options);
  void on_stream_head(boost::beast::error_code ec, std::size_t bytes);
  void pump_stream();
  void on_stream_write(bool finish, boost::beast::error_code ec, std::size_t bytes);
  void watch_client();
  void arm_heartbeat();
  void end_stream();
  // WebSocket streams (http_session_websocket.cpp).
  void begin_websocket(std::shared_ptr<stream_writer> writer, const stream_options& options);
  void on_websocket_accept(boost::beast::error_code ec);
  void pump_websocket();
  void on_websocket_write(boost::beast::error_code ec, std::size_t bytes);
  void read_websocket();
  void discard_input();
  void close();

  std::shared_ptr<boost::asio::ssl::context> tls_;
  std::variant<plain_stream, tls_stream> stream_;
  /// Counted against the connection limit (else the first request is answered 503).
  bool admitted_ = true;
  /// The key the caller's streams count under (runtime::security::caller_key).
  std::string subscription_key_;
  /// True while this connection's stream counts against subscription_key_.
  bool subscribed_ = false;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<server_context> context_;
  std::shared_ptr<http_session> self_;
  beast_response response_;
  phase phase_ = phase::reading;
  bool linger_ = false;
  unsigned version_ = 11;
  bool keep_alive_ = true;
  std::string method_;
  std::string path_;
  std::chrono::steady_clock::time_point started_;
  std::array<char, 4096> discard_{};
  std::shared_ptr<stream_writer> writer_;
  stream_options stream_options_;
  std::optional<beast_stream_head> stream_head_;
  std::optional<boost::beast::http::response_serializer<boost::beast::http::empty_body>>
      stream_serializer_;
  std::optional<boost::asio::steady_timer> heartbeat_;
  std::string stream_out_;
  bool stream_writing_ = false;
  /// The request when it asked for a WebSocket upgrade (a handler may accept it).
  std::optional<beast_request> upgrade_request_;
  std::variant<std::monostate, plain_websocket, tls_websocket> websocket_;
  boost::beast::flat_buffer websocket_in_;
  /// Messages taken from the writer, not yet written (the front one is being written).
  std::deque<stream_chunk> websocket_out_;
  /// Set once the writer closed: the close frame follows the messages.
  std::optional<std::pair<std::uint16_t, std::string>> websocket_close_;
};

}  // namespace auraos::gateway::detail
