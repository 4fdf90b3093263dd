// `auraos serve --tls-cert --tls-key` on a real node, with a test CA made at test time: HTTPS
// verified against the CA, plain HTTP on the port refused cleanly, an event stream and a
// WebSocket over TLS, the certificate reloaded on SIGHUP (open connections keep theirs, new ones
// get the new one, a bad file keeps the old), and a bad file or a lone flag at start.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/cluster_certs.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/https_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::cluster_certs;
using auraos::test::connect_options;
using auraos::test::http_call;
using auraos::test::https_connection;
using auraos::test::serve_process;
using auraos::test::temp_dir;

namespace {

/// The SHA-256 fingerprint of a PEM certificate file, as the openssl command prints it.
std::string fingerprint_of(const std::string& cert_file) {
  auto printed = auraos::test::run_process(
      {"openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert_file});
  BOOST_TEST_REQUIRE(printed.exit_code == 0, printed.err);
  auto text = printed.out.substr(printed.out.find('=') + 1);
  return text.substr(0, text.find_last_not_of("\r\n") + 1);
}

void copy_over(const std::string& from, const std::string& to) {
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
}

/// A node serving HTTPS with the certificate of "server-a" (copied to files SIGHUP rereads).
struct tls_node {
  tls_node()
      : first(certs.node("server-a")),
        cert_file(copied(first.certificate, "server.pem")),
        key_file(copied(first.key, "server.key")),
        process({"--http", "127.0.0.1:0", "--data-dir", (dir.path() / "data").string(),
                 "--tls-cert", cert_file, "--tls-key", key_file}) {
    BOOST_TEST_REQUIRE(auraos::test::wait_until(
        [this] {
          try {
            return connect()->request({"GET", "/readyz", "", {}}).status == 200;
          } catch (const std::runtime_error&) {
            return false;
          }
        },
        30s));
  }

  std::string copied(const std::string& from, const std::string& name) {
    copy_over(from, dir.file(name));
    return dir.file(name);
  }

  /// A new verified connection.
  std::unique_ptr<https_connection> connect(connect_options options = {}) {
    if (options.ca_file.empty()) options.ca_file = first.ca;
    return std::make_unique<https_connection>("127.0.0.1", port, options);
  }

  temp_dir dir;
  cluster_certs certs;
  auraos::cluster::tls_files first;
  std::string cert_file;
  std::string key_file;
  serve_process process;
  std::uint16_t port = process.wait_for_port();
};

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_tls_suite)

BOOST_AUTO_TEST_CASE(https_answers_with_a_certificate_that_verifies_against_the_test_ca) {
  tls_node node;
  node.process.wait_for_line(R"(listening on https://127\.0\.0\.1:\d+)", 5s);
  node.process.wait_for_line("tls: serving the certificate CN=server-a", 5s);
  auto connection = node.connect();
  auto health = connection->request({"GET", "/healthz", "", {}});
  BOOST_TEST(health.status == 200, health.body);
  BOOST_TEST(connection->peer_fingerprint() == fingerprint_of(node.first.certificate));
  // Kept alive: a second request on the same connection.
  BOOST_TEST(connection->request({"GET", "/api/v1/workflows", "", {}}).status == 200);
  // A client that trusts another CA refuses the certificate.
  auto other_ca = node.certs.foreign_node("elsewhere").ca;
  BOOST_CHECK_THROW(node.connect({other_ca, "", 10s}), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(plain_http_on_the_tls_port_is_answered_400_in_plain_http_and_closed) {
  tls_node node;
  auraos::test::http_connection plain{"127.0.0.1", node.port};
  auto reply = plain.request({"GET", "/healthz", "", {}});
  BOOST_TEST(reply.status == 400);
  auto body = nlohmann::json::parse(reply.body);
  BOOST_TEST(body["error"]["code"] == "bad_request");
  BOOST_TEST(body["error"]["message"].get<std::string>().find("https://") != std::string::npos);
  BOOST_TEST(plain.closed_by_server());
  // The node goes on serving HTTPS.
  BOOST_TEST(node.connect()->request({"GET", "/healthz", "", {}}).status == 200);
}

BOOST_AUTO_TEST_CASE(an_event_stream_and_a_websocket_work_over_tls) {
  tls_node node;
  auto stream = node.connect();
  stream->send({"GET", "/api/v1/stream", "", {{"Accept", "text/event-stream"}}});
  auto head = stream->read_until("event: hello", 10s);
  BOOST_TEST(head.find("HTTP/1.1 200") == 0, head);

  auto socket = node.connect();
  BOOST_TEST_REQUIRE(socket->upgrade_websocket("/api/v1/events/stream?type=tls-test") == 101);
  auto published = node.connect()->request({"POST",
                                            "/api/v1/events",
                                            R"({"type": "tls-test", "source": "serve_tls_test"})",
                                            {{"Content-Type", "application/json"}}});
  BOOST_TEST_REQUIRE(published.status == 201, published.body);
  auto message = socket->read_message();
  BOOST_TEST(message.find("tls-test") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(sighup_gives_new_connections_the_new_certificate_and_keeps_open_ones) {
  tls_node node;
  auto before = fingerprint_of(node.first.certificate);
  auto kept = node.connect();
  BOOST_TEST_REQUIRE(kept->request({"GET", "/healthz", "", {}}).status == 200);
  auto socket = node.connect();
  BOOST_TEST_REQUIRE(socket->upgrade_websocket("/api/v1/events/stream?type=reloaded") == 101);

  auto second = node.certs.node("server-b");
  auto after = fingerprint_of(second.certificate);
  BOOST_TEST_REQUIRE(after != before);
  copy_over(second.certificate, node.cert_file);
  copy_over(second.key, node.key_file);
  node.process.signal(SIGHUP);
  node.process.wait_for_line("SIGHUP: new connections get the certificate CN=server-b", 10s);

  auto fresh = node.connect();
  BOOST_TEST(fresh->request({"GET", "/healthz", "", {}}).status == 200);
  BOOST_TEST(fresh->peer_fingerprint() == after);
  BOOST_TEST(kept->request({"GET", "/healthz", "", {}}).status == 200);
  BOOST_TEST(kept->peer_fingerprint() == before);
  // The WebSocket opened before goes on: an event published now reaches it.
  auto published = fresh->request({"POST",
                                   "/api/v1/events",
                                   R"({"type": "reloaded", "source": "t"})",
                                   {{"Content-Type", "application/json"}}});
  BOOST_TEST_REQUIRE(published.status == 201, published.body);
  auto message = socket->read_message();
  BOOST_TEST(message.find("reloaded") != std::string::npos, message);

  // A bad file at SIGHUP: an error names it, and the certificate served stays.
  std::ofstream{node.cert_file, std::ios::trunc} << "not a certificate\n";
  node.process.signal(SIGHUP);
  node.process.wait_for_line("error tls: SIGHUP: TLS certificate .*server\\.pem: not a PEM", 10s);
  auto later = node.connect();
  BOOST_TEST(later->request({"GET", "/healthz", "", {}}).status == 200);
  BOOST_TEST(later->peer_fingerprint() == after);
  BOOST_TEST(kept->request({"GET", "/healthz", "", {}}).status == 200);
  BOOST_TEST(node.process.wait_exit(100ms) == -1);  // still running
}

BOOST_AUTO_TEST_CASE(a_bad_certificate_or_key_stops_the_start_naming_the_file) {
  temp_dir dir;
  cluster_certs certs;
  auto a = certs.node("server-a");
  auto b = certs.node("server-b");
  std::ofstream{dir.file("garbage.pem")} << "-----BEGIN CERTIFICATE-----\nnope\n";
  auto serve = [&](std::vector<std::string> tls) {
    std::vector<std::string> argv{auraos::test::auraos_binary(),
                                  "serve",
                                  "--http",
                                  "127.0.0.1:0",
                                  "--data-dir",
                                  dir.file("data")};
    argv.insert(argv.end(), tls.begin(), tls.end());
    auraos::test::process_options options;
    options.deadline = 30s;
    return auraos::test::run_process(argv, options);
  };
  struct bad_start {
    std::vector<std::string> flags;
    int exit_code;
    std::string says;
  };
  for (const auto& [flags, exit_code, says] : {
           bad_start{{"--tls-cert", dir.file("missing.pem"), "--tls-key", a.key},
                     1,
                     "TLS certificate " + dir.file("missing.pem") + ": "},
           bad_start{{"--tls-cert", dir.file("garbage.pem"), "--tls-key", a.key},
                     1,
                     "TLS certificate " + dir.file("garbage.pem") + ": not a PEM"},
           bad_start{{"--tls-cert", a.certificate, "--tls-key", b.key}, 1, "TLS key " + b.key},
           bad_start{{"--tls-cert", a.certificate, "--tls-key", a.certificate},
                     1,
                     "TLS key " + a.certificate},
           bad_start{{"--tls-cert", a.certificate}, 2, "needs --tls-key"},
           bad_start{{"--tls-key", a.key}, 2, "needs --tls-cert"},
       }) {
    auto ran = serve(flags);
    BOOST_TEST_CONTEXT(says) {
      BOOST_TEST(ran.exit_code == exit_code, ran.err);
      BOOST_TEST(ran.err.find(says) != std::string::npos, ran.err);
      BOOST_TEST(ran.err.find("listening on") == std::string::npos, ran.err);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
