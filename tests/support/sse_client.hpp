#pragma once
// A Server-Sent Events client for tests: one GET over a socket, a reader thread that decodes
// the chunked body into events, and waits with deadlines.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace auraos::test {

/// One message of the stream: its event name and data ("" for a comment, whose text is data).
struct sse_message {
  std::string event;  ///< The `event:` field; empty for a comment line.
  std::string data;   ///< The `data:` lines joined with "\n", or the comment's text.
  /// When the reader received the bytes that completed the message (benches measure latency).
  std::chrono::steady_clock::time_point received{};
};

/// An open event stream from 127.0.0.1:`port`.
class sse_client {
 public:
  /// Connects and sends `GET target` with extra header fields; throws std::runtime_error when
  /// it cannot connect.
  sse_client(std::uint16_t port, const std::string& target,
             const std::map<std::string, std::string>& headers = {});
  /// Closes the connection (if still open) and joins the reader.
  ~sse_client();
  sse_client(const sse_client&) = delete;
  sse_client& operator=(const sse_client&) = delete;

  /// Waits for the response head; its status (0 when none came before the deadline).
  int wait_status(std::chrono::milliseconds deadline = std::chrono::seconds(10));
  /// The response header fields by lower-case name (after wait_status).
  std::map<std::string, std::string> headers() const;
  /// The raw body when the answer was not a stream (after the server closed).
  std::string body() const;

  /// Waits until a message after the first `from` ones matches `match`; its index, or -1.
  int wait_for(const std::function<bool(const sse_message&)>& match,
               std::chrono::milliseconds deadline, std::size_t from = 0);
  /// Waits until the server ended the stream; false at the deadline.
  bool wait_closed(std::chrono::milliseconds deadline);
  /// Every message so far.
  std::vector<sse_message> messages() const;
  /// Closes the client's side now (the server should notice).
  void close();

 private:
  void read_loop();
  void take(const std::string& bytes, std::chrono::steady_clock::time_point received);
  void parse_events(std::chrono::steady_clock::time_point received);

  int fd_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string raw_;
  std::string events_text_;
  bool head_done_ = false;
  bool chunked_ = false;
  bool closed_ = false;
  int status_ = 0;
  std::map<std::string, std::string> headers_;
  std::vector<sse_message> messages_;
};

}  // namespace auraos::test
