#pragma once
// The node's HTTP server: Beast on its own io_context threads, answering through a handler.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "gateway/responder.hpp"
#include "runtime/result.hpp"
#include "runtime/security/http_limits.hpp"

namespace auraos::gateway {

class tls_identity;

/// How the server listens and what it tolerates.
struct server_options {
  /// Address to bind.
  std::string host = "127.0.0.1";
  /// Port to bind; 0 picks a free one (see http_server::port).
  std::uint16_t port = 0;
  /// Number of io_context threads.
  int threads = 2;
  /// Largest request body; a larger one is answered 413.
  std::size_t body_limit = 1024 * 1024;
  /// Largest request header block; a larger one is answered 431.
  std::uint32_t header_limit = 16 * 1024;
  /// How long reading one request (or waiting for the next on a kept-alive connection) may take.
  std::chrono::milliseconds read_timeout{std::chrono::seconds(30)};
  /// How long stop() lets in-flight requests finish before closing their connections.
  std::chrono::milliseconds drain_timeout{std::chrono::seconds(5)};
  /// Whether each request is logged (method, path, status, duration) through spdlog.
  bool access_log = true;
  /// The certificate of HTTPS; null: plain HTTP. The server then speaks HTTPS only.
  std::shared_ptr<tls_identity> tls;
  /// Rate limits, the longest target, open connections and streams (`header_limit` and
  /// `body_limit` above are the size limits of a request).
  runtime::security::http_limits limits;
};

/// Binds and releases `host`:`port` once; nullopt when a server could listen there, else the
/// reason ("cannot listen on 127.0.0.1:8080: address already in use").
std::optional<std::string> check_listen_address(const std::string& host, std::uint16_t port);

/// An asynchronous HTTP/1.1 server with keep-alive. Handlers run on the server's threads and
/// may answer later from any thread; they must not block those threads for long.
class http_server {
 public:
  /// A server that will pass every well-formed request to `handler`.
  http_server(server_options options, http_handler handler);
  /// Stops the server if it is running.
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  /// Binds, listens and starts the threads; the bound port, or an error naming the address.
  result<std::uint16_t, std::string> start();

  /// Stops accepting, lets in-flight responses finish (up to drain_timeout), closes every
  /// connection and joins the threads. Idempotent; must not be called from a handler.
  void stop();

  /// The bound port; 0 before start().
  std::uint16_t port() const;

  /// True once stop() has begun.
  bool stopping() const;

  /// Number of connections accepted so far.
  std::uint64_t connections_accepted() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace auraos::gateway
