#pragma once
// A throwaway PostgreSQL 15 server for tests and benchmarks: initdb into a temp dir, a free
// port on 127.0.0.1, stopped and removed on destruction (also when a test fails).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/result.hpp"

namespace auraos::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (nothing listens on it).
result<std::uint16_t, std::string> unused_port();

/// The server settings written to postgresql.conf, in one place so BENCHMARKS.md can quote them.
std::vector<std::pair<std::string, std::string>> pg_server_settings();

/// One private PostgreSQL cluster; runs as the `postgres` user when the test runs as root.
class pg_server {
 public:
  /// Creates a cluster in a fresh temp dir, starts it and creates database `auraos`.
  static result<std::unique_ptr<pg_server>, std::string> launch();
  pg_server(const pg_server&) = delete;
  pg_server& operator=(const pg_server&) = delete;
  /// Stops the server at once (`-m immediate`) and removes its directory.
  ~pg_server();

  /// postgresql://postgres@127.0.0.1:PORT/auraos
  std::string url() const { return url_for("auraos"); }
  /// The URL of another database on this server.
  std::string url_for(std::string_view database) const;
  /// The TCP port on 127.0.0.1.
  std::uint16_t port() const { return port_; }
  /// Creates an empty database.
  result<std::monostate, std::string> create_database(std::string_view name) const;

  /// Stops the server (fast shutdown), keeping its data.
  result<std::monostate, std::string> stop();
  /// Starts it again on the same data dir and port; returns once it accepts connections.
  result<std::monostate, std::string> start();

 private:
  pg_server() = default;
  result<std::monostate, std::string> init();
  result<std::monostate, std::string> pg_ctl(std::vector<std::string> args) const;
  std::vector<std::string> as_postgres(std::vector<std::string> argv) const;
  std::string log_tail() const;

  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
  bool running_ = false;
};

}  // namespace auraos::test
