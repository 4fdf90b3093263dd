#pragma once
// The node rest_bench measures: a real `auraos serve` child process on a free port of
// 127.0.0.1 over a temp data directory, asked only over HTTP (so any build's binary works).

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "runtime/result.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::bench {

/// The `auraos` built beside this binary: BUILD/bench/X -> BUILD/cli/auraos.
std::string sibling_auraos();

/// Stored executions by status in a /metrics text (`auraos_executions{status="..."} N`).
std::map<std::string, std::int64_t> executions_by_status(const std::string& metrics);

/// A running `auraos serve`, killed on destruction.
class rest_node {
 public:
  /// Starts `binary serve` (with `--db db` unless `db` is empty, and `--config` of a file
  /// holding `config_json` unless it is empty) and waits until it is ready.
  static result<std::unique_ptr<rest_node>, std::string> start(
      const std::string& binary, const std::string& db, const std::string& config_json = "");
  rest_node(const rest_node&) = delete;
  rest_node& operator=(const rest_node&) = delete;

  /// The HTTP port.
  std::uint16_t port() const { return port_; }
  /// The process id of the node.
  pid_t pid() const { return process_->pid(); }
  /// One request over this node's own keep-alive connection; throws std::runtime_error on a
  /// transport failure.
  test::http_reply call(const test::http_call& call);
  /// Stored executions by status (from /metrics: `auraos_executions{status="..."}`).
  std::map<std::string, std::int64_t> executions_by_status();

 private:
  rest_node() = default;
  /// True once /readyz answers 200.
  bool ready();
  test::temp_dir data_;
  std::unique_ptr<test::serve_process> process_;
  std::uint16_t port_ = 0;
  std::unique_ptr<test::http_connection> connection_;
};

}  // namespace auraos::bench
