// The test WebSocket client: a Beast stream read by a thread.

#include "tests/support/websocket_client.hpp"

#include <stdexcept>

#include <sys/socket.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace auraos::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

struct websocket_client::connection {
  net::io_context io;
  websocket::stream<net::ip::tcp::socket> ws{io};
};

websocket_client::websocket_client(std::uint16_t port, const std::string& target,
                                   const std::map<std::string, std::string>& headers,
                                   bool paused)
    : connection_(std::make_unique<connection>()) {
  auto& socket = connection_->ws.next_layer();
  beast::error_code ec;
  socket.open(net::ip::tcp::v4(), ec);
  if (paused) socket.set_option(net::socket_base::receive_buffer_size(4096), ec);
  socket.connect({net::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) throw std::runtime_error("websocket_client: cannot connect: " + ec.message());
  connection_->ws.set_option(
      websocket::stream_base::decorator([headers](websocket::request_type& request) {
        for (const auto& [name, value] : headers) request.set(name, value);
      }));
  // The asynchronous handshake keeps the answer of a refused upgrade (the synchronous one of
  // Boost 1.74 drops it).
  websocket::response_type response;
  connection_->ws.async_handshake(response, "127.0.0.1", target,
                                  [&ec](beast::error_code e) { ec = e; });
  connection_->io.run();
  status_ = static_cast<int>(response.result_int());
  if (ec) {
    refusal_ = response.body();
    closed_ = true;
    return;
  }
  reading_ = !paused;
  reader_ = std::thread{[this] { read_loop(); }};
}

websocket_client::~websocket_client() {
  drop();
  resume();
  if (reader_.joinable()) reader_.join();
}

void websocket_client::resume() {
  std::lock_guard lock{mutex_};
  reading_ = true;
  changed_.notify_all();
}

void websocket_client::read_loop() {
  {
    std::unique_lock lock{mutex_};
    changed_.wait(lock, [this] { return reading_; });
  }
  beast::flat_buffer buffer;
  while (true) {
    beast::error_code ec;
    connection_->ws.read(buffer, ec);
    std::lock_guard lock{mutex_};
    if (ec) {
      if (ec == websocket::error::closed) {
        close_code_ = connection_->ws.reason().code;
        close_reason_ = std::string(connection_->ws.reason().reason.data(),
                                    connection_->ws.reason().reason.size());
      }
      closed_ = true;
      changed_.notify_all();
      return;
    }
    messages_.push_back(beast::buffers_to_string(buffer.data()));
    buffer.consume(buffer.size());
    changed_.notify_all();
  }
}

std::vector<std::string> websocket_client::messages() const {
  std::lock_guard lock{mutex_};
  return messages_;
}

bool websocket_client::wait_messages(std::size_t count, std::chrono::milliseconds deadline) const {
  std::unique_lock lock{mutex_};
  return changed_.wait_for(lock, deadline, [&] { return messages_.size() >= count; });
}

bool websocket_client::wait_closed(std::chrono::milliseconds deadline) const {
  std::unique_lock lock{mutex_};
  return changed_.wait_for(lock, deadline, [&] { return closed_; });
}

std::uint16_t websocket_client::close_code() const {
  std::lock_guard lock{mutex_};
  return close_code_;
}

std::string websocket_client::close_reason() const {
  std::lock_guard lock{mutex_};
  return close_reason_;
}

void websocket_client::drop() {
  // A shutdown of the descriptor ends the reader's blocking read, from any thread.
  ::shutdown(connection_->ws.next_layer().native_handle(), SHUT_RDWR);
}

}  // namespace auraos::test
