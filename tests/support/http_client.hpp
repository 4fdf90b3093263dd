#pragma once
// A small blocking HTTP/1.1 client for tests: keep-alive connections with deadlines.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace auraos::test {

/// One request a test sends.
struct http_call {
  std::string method = "GET";
  std::string target = "/";
  std::string body;
  /// Extra header fields.
  std::map<std::string, std::string> headers;
};

/// One answer a test received.
struct http_reply {
  int status = 0;
  /// Header fields by lower-case name.
  std::map<std::string, std::string> headers;
  std::string body;
};

/// A connection to one server, kept alive across requests; failures throw std::runtime_error
/// naming the server and the step.
class http_connection {
 public:
  /// Connects to host:port; every later step must finish within `timeout`.
  http_connection(const std::string& host, std::uint16_t port,
                  std::chrono::milliseconds timeout = std::chrono::seconds(10));
  /// Closes the connection.
  ~http_connection();
  http_connection(const http_connection&) = delete;
  http_connection& operator=(const http_connection&) = delete;

  /// Writes one request (Host and Content-Length are set).
  void send(const http_call& call);
  /// Reads one response.
  http_reply receive();
  /// Sends a request and reads its response.
  http_reply request(const http_call& call);
  /// True when the server closes the connection (end of stream) before the timeout.
  bool closed_by_server();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Opens a connection, makes one request and closes it.
http_reply http_fetch(const std::string& host, std::uint16_t port, const http_call& call);

}  // namespace auraos::test
