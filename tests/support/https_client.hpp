#pragma once
// A blocking HTTP/1.1 client for tests over TLS (the server verified against a test CA) or plain
// TCP, from a chosen local address: keep-alive requests, the server's certificate, streamed
// bodies read as they come, and a WebSocket over the same connection. Failures throw
// std::runtime_error naming the server and the step.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "tests/support/http_client.hpp"

namespace auraos::test {

/// How a connection is made.
struct connect_options {
  /// PEM file of the CA the server's certificate must chain to; empty: plain TCP.
  std::string ca_file;
  /// Local address to connect from ("127.0.0.5"); empty: the system's choice.
  std::string source;
  /// Every later step must finish within this.
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
};

/// One connection to host:port (HTTPS with a `ca_file`, else plain HTTP).
class https_connection {
 public:
  /// Connects (and with a CA, completes a verified TLS handshake for `host`).
  https_connection(const std::string& host, std::uint16_t port, connect_options options = {});
  /// Closes the connection.
  ~https_connection();
  https_connection(const https_connection&) = delete;
  https_connection& operator=(const https_connection&) = delete;

  /// Writes one request (Host and Content-Length are set).
  void send(const http_call& call);
  /// Reads one complete response.
  http_reply receive();
  /// Sends a request and reads its response.
  http_reply request(const http_call& call);
  /// Reads what the server sends (head and body as raw text) until it holds `needle`; all of
  /// it so far. Throws when the deadline passes or the server closes first.
  std::string read_until(const std::string& needle, std::chrono::milliseconds deadline);
  /// True when the server closes the connection before the timeout.
  bool closed_by_server();
  /// The SHA-256 fingerprint of the server's certificate ("AB:CD:..."); empty over plain TCP.
  std::string peer_fingerprint() const;

  /// Upgrades the connection to a WebSocket at `target` (with extra header fields); the
  /// handshake's status (101 when upgraded).
  int upgrade_websocket(const std::string& target,
                        const std::map<std::string, std::string>& headers = {});
  /// Reads the next WebSocket text message.
  std::string read_message();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace auraos::test
