// `auraos serve` on an address it cannot listen on: one clear line and exit 1.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using auraos::test::auraos_binary;
using auraos::test::run_process;

namespace {

/// A socket listening on 127.0.0.1 and a free port, closed at the end of the test.
struct taken_port {
  taken_port() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    BOOST_REQUIRE(::listen(fd, 1) == 0);
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    port = ntohs(address.sin_port);
  }
  ~taken_port() { ::close(fd); }
  int fd = -1;
  std::uint16_t port = 0;
};

/// Runs `auraos serve --http ADDRESS` (plus `extra` flags) until it exits.
auraos::test::process_result serve(const std::string& address,
                                   const std::vector<std::string>& extra = {}) {
  auraos::test::temp_dir data;
  std::vector<std::string> args{auraos_binary(), "serve", "--http", address, "--data-dir",
                                data.path().string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_process(args, {{}, std::chrono::seconds(30), {}, {}});
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_listen)

BOOST_AUTO_TEST_CASE(a_port_in_use_is_one_line_and_exit_1) {
  taken_port taken;
  auto address = "127.0.0.1:" + std::to_string(taken.port);
  auto run = serve(address);
  BOOST_TEST(run.exit_code == 1, run.err);
  BOOST_TEST(lines(run.err) == 1u, run.err);
  BOOST_TEST(run.err.find("cannot listen on " + address + ": address already in use\n") !=
                 std::string::npos,
             run.err);
}

BOOST_AUTO_TEST_CASE(an_address_of_no_local_interface_is_one_line_and_exit_1) {
  // 192.0.2.0/24 is reserved for documentation (RFC 5737): no host has it.
  auto run = serve("192.0.2.1:8080", {"--insecure-http"});
  BOOST_TEST(run.exit_code == 1, run.err);
  BOOST_TEST(lines(run.err) == 1u, run.err);
  BOOST_TEST(run.err.find("cannot listen on 192.0.2.1:8080: ") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(a_host_that_does_not_resolve_is_one_line_and_exit_1) {
  auto run = serve("no-such-host.invalid:8080", {"--insecure-http"});
  BOOST_TEST(run.exit_code == 1, run.err);
  BOOST_TEST(lines(run.err) == 1u, run.err);
  BOOST_TEST(run.err.find("cannot resolve no-such-host.invalid:8080: ") != std::string::npos,
             run.err);
}

BOOST_AUTO_TEST_CASE(an_address_beyond_loopback_without_auth_is_refused_with_exit_2) {
  // Refused before anything listens: the address is checked, not bound.
  auto run = serve("192.0.2.1:8080");
  BOOST_TEST(run.exit_code == 2, run.err);
  BOOST_TEST(run.err.find("--http 192.0.2.1: a node reachable beyond this machine needs "
                          "authentication: start it with --auth") != std::string::npos,
             run.err);
}

BOOST_AUTO_TEST_CASE(an_actor_api_beyond_loopback_without_auth_is_refused_with_exit_2) {
  auto run = serve("127.0.0.1:0", {"--api-listen", "0.0.0.0:0"});
  BOOST_TEST(run.exit_code == 2, run.err);
  BOOST_TEST(run.err.find("--api-listen 0.0.0.0: a node reachable beyond this machine needs "
                          "authentication") != std::string::npos,
             run.err);
}

BOOST_AUTO_TEST_SUITE_END()
