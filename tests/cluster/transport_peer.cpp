// A node of the transport tests in its own process, so a test can kill -9 or SIGSTOP it:
//   cluster_transport_peer NAME PORT [CERT KEY CA]
// publishes an endpoint answered by the test handler on 127.0.0.1:PORT (0: any free port),
// prints "port N" on stdout (then logs to stderr), and runs until SIGTERM or SIGINT.
#include <cstdio>
#include <exception>
#include <optional>
#include <string>

#include <unistd.h>

#include "node/actor_system_setup.hpp"
#include "tests/cluster/transport_node.hpp"

int main(int argc, char** argv) {
  if (argc != 3 && argc != 6) {
    std::fprintf(stderr, "usage: %s NAME PORT [CERT KEY CA]\n", argv[0]);
    return 2;
  }
  std::optional<auraos::cluster::tls_files> tls;
  if (argc == 6) tls = auraos::cluster::tls_files{argv[3], argv[4], argv[5]};
  auraos::node::block_stop_signals();
  try {
    auraos::test::transport_node node(argv[1], tls, static_cast<std::uint16_t>(std::stoi(argv[2])));
    std::printf("port %u\n", static_cast<unsigned>(node.port()));
    std::fflush(stdout);
    ::dup2(STDERR_FILENO, STDOUT_FILENO);  // the test stops reading: logs go to its stderr
    while (auraos::node::wait_stop_signal(1000) == 0) {
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "transport peer: %s\n", e.what());
    return 1;
  }
  return 0;
}
