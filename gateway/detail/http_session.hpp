#pragma once
// Internal (includes Beast/Asio): one HTTP connection, reading requests and writing answers;
// a streamed answer may turn it into a Server-Sent Events stream or a WebSocket.

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "gateway/api_error.hpp"
#include "gateway/detail/beast_message.hpp"
#include "gateway/detail/server_context.hpp"
#include "gateway/responder.hpp"
#include "gateway/stream_writer.hpp"

namespace auraos::gateway::detail {

/// One connection: reads a request, hands it to the handler, writes its answer, repeats
/// while the connection is kept alive. Every step runs on the connection's strand.
class http_session : public std::enable_shared_from_this<http_session> {
 public:
  /// A session over an accepted socket (whose executor is a strand).
  http_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<server_context> context);
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

  void read_request();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void handle_request();
  responder make_responder();
  void deliver(http_response response);
  void reject(const api_error& error);
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

  boost::beast::tcp_stream stream_;
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
  std::optional<boost::beast::websocket::stream<boost::beast::tcp_stream&>> websocket_;
  boost::beast::flat_buffer websocket_in_;
  /// Messages taken from the writer, not yet written (the front one is being written).
  std::deque<stream_chunk> websocket_out_;
  /// Set once the writer closed: the close frame follows the messages.
  std::optional<std::pair<std::uint16_t, std::string>> websocket_close_;
};

}  // namespace auraos::gateway::detail
