#pragma once
// The peer events_bench compares with: a private `redis-server` child process on a free port
// of 127.0.0.1 over a temp dir, AOF on with `appendfsync always` (each reply after its write
// was fsynced, as our answer comes after the commit), RDB snapshots off.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

#include "runtime/result.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::bench {

/// A running redis-server, stopped (SIGTERM, then SIGKILL) and removed on destruction.
class redis_node {
 public:
  /// Starts `binary` (default `redis-server` from PATH) and waits until it answers PING.
  static result<std::unique_ptr<redis_node>, std::string> start(
      const std::string& binary = "redis-server");
  ~redis_node();
  redis_node(const redis_node&) = delete;
  redis_node& operator=(const redis_node&) = delete;

  /// The TCP port on 127.0.0.1.
  std::uint16_t port() const { return port_; }
  /// The settings given on the command line (name, value), for the record.
  const std::vector<std::string>& arguments() const { return arguments_; }

 private:
  redis_node() = default;
  test::temp_dir dir_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::vector<std::string> arguments_;
};

}  // namespace auraos::bench
