#pragma once
// A WebSocket client for tests (Beast): the upgrade handshake, a reader thread that collects
// the server's text messages and its close frame, and waits with deadlines.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace auraos::test {

/// A WebSocket to 127.0.0.1:`port`.
class websocket_client {
 public:
  /// Connects and asks to upgrade `GET target` (with extra header fields). With `paused`, no
  /// message is read until resume(), and the receive buffer is small, so a server queue fills.
  /// Throws std::runtime_error when it cannot connect; a refused upgrade is not an exception
  /// (see status()).
  websocket_client(std::uint16_t port, const std::string& target,
                   const std::map<std::string, std::string>& headers = {}, bool paused = false);
  /// Goes away (if still open) and joins the reader.
  ~websocket_client();
  websocket_client(const websocket_client&) = delete;
  websocket_client& operator=(const websocket_client&) = delete;

  /// The handshake's answer: 101 when upgraded, else the server's status (0: no answer).
  int status() const { return status_; }
  /// The body of a refused upgrade.
  const std::string& refusal() const { return refusal_; }
  /// Starts reading (a paused client's queued messages come first).
  void resume();
  /// Every text message so far.
  std::vector<std::string> messages() const;
  /// Waits until `count` messages came; false at the deadline.
  bool wait_messages(std::size_t count, std::chrono::milliseconds deadline) const;
  /// Waits until the connection ended; false at the deadline.
  bool wait_closed(std::chrono::milliseconds deadline) const;
  /// The code of the server's close frame (0: none came).
  std::uint16_t close_code() const;
  /// The reason of the server's close frame.
  std::string close_reason() const;
  /// Goes away without a close frame (the server should notice).
  void drop();

 private:
  struct connection;
  void read_loop();

  std::unique_ptr<connection> connection_;
  int status_ = 0;
  std::string refusal_;
  std::thread reader_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool reading_ = false;
  bool closed_ = false;
  std::uint16_t close_code_ = 0;
  std::string close_reason_;
  std::vector<std::string> messages_;
};

}  // namespace auraos::test
