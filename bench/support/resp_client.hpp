#pragma once
// A minimal Redis (RESP2) client for events_bench: one blocking TCP connection that sends a
// pipeline of commands in one write and reads as many replies.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace auraos::bench {

/// `argv` as one RESP command (an array of bulk strings), appended to `out`.
void append_resp_command(std::string& out, const std::vector<std::string_view>& argv);

/// One connection to a Redis server on 127.0.0.1; failures throw std::runtime_error.
class resp_client {
 public:
  /// Connects to 127.0.0.1:`port` (TCP_NODELAY).
  explicit resp_client(std::uint16_t port);
  /// Closes the connection.
  ~resp_client();
  resp_client(const resp_client&) = delete;
  resp_client& operator=(const resp_client&) = delete;

  /// Writes `commands` (RESP text holding `count` commands, see append_resp_command) and reads
  /// `count` replies; the replies as text (simple strings, bulk strings and integers; an
  /// array reply is flattened into its elements' text joined by ' '). An error reply throws.
  std::vector<std::string> pipeline(const std::string& commands, std::size_t count);

 private:
  /// The next complete reply from the buffer, reading more when needed.
  std::string read_reply();
  /// Reads at least one more byte into the buffer.
  void fill();
  /// The text up to the next CRLF (consumed).
  std::string read_line();

  struct impl;
  std::unique_ptr<impl> impl_;
  std::string buffer_;
  std::size_t at_ = 0;
};

}  // namespace auraos::bench
