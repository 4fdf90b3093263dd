#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "runtime/handlers/http_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/result_slot.hpp"

namespace {

using namespace auraos::runtime::handlers;
using nlohmann::json;
using namespace std::chrono_literals;

/// A request as the test server saw it; header names lower-cased.
struct seen_request {
  std::string method, target, body;
  std::map<std::string, std::string> headers;
};

/// Builds a raw HTTP/1.1 response that closes the connection.
std::string response(int status, const std::string& body, const std::string& type = "text/plain") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type +
         "\r\nX-Test: a\r\nX-Test: b\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

/// One accepted connection, plain or TLS, with blocking reads and writes.
struct connection {
  int fd;
  SSL* ssl = nullptr;
  ~connection() {
    if (ssl != nullptr) SSL_free(ssl);
    ::close(fd);
  }
  long read_some(char* data, int size) {
    return ssl != nullptr ? SSL_read(ssl, data, size) : ::read(fd, data, size);
  }
  void write_all(const std::string& data) {
    if (ssl != nullptr) {
      SSL_write(ssl, data.data(), static_cast<int>(data.size()));
    } else {
      [[maybe_unused]] auto n = ::write(fd, data.data(), data.size());
    }
  }
};

/// Parses the request line, headers and Content-Length body read from `c`.
std::optional<seen_request> read_request(connection& c) {
  std::string data;
  char buffer[4096];
  std::size_t header_end;
  while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
    auto n = c.read_some(buffer, sizeof buffer);
    if (n <= 0) return std::nullopt;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  seen_request request;
  std::istringstream head(data.substr(0, header_end));
  std::string line;
  std::getline(head, line);
  std::istringstream(line) >> request.method >> request.target;
  while (std::getline(head, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto name = line.substr(0, colon);
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (!value.empty() && value.back() == '\r') value.pop_back();
    request.headers[name] = value;
  }
  request.body = data.substr(header_end + 4);
  auto length =
      request.headers.count("content-length") ? std::stoul(request.headers["content-length"]) : 0;
  while (request.body.size() < length) {
    auto n = c.read_some(buffer, sizeof buffer);
    if (n <= 0) return std::nullopt;
    request.body.append(buffer, static_cast<std::size_t>(n));
  }
  return request;
}

/// A one-connection-at-a-time HTTP(S) server on 127.0.0.1, port chosen by the kernel.
/// The handler returns the raw response, or nullopt to hold the connection unanswered.
class test_server {
 public:
  using handler = std::function<std::optional<std::string>(const seen_request&)>;

  explicit test_server(handler h, SSL_CTX* tls = nullptr) : handler_(std::move(h)), tls_(tls) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    BOOST_REQUIRE(::listen(listen_fd_, 16) == 0);
    socklen_t size = sizeof address;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
    BOOST_REQUIRE(::pipe2(stop_pipe_, O_CLOEXEC) == 0);
    thread_ = std::thread([this] { serve(); });
  }

  ~test_server() {
    [[maybe_unused]] auto n = ::write(stop_pipe_[1], "x", 1);
    thread_.join();
    for (int fd : {listen_fd_, stop_pipe_[0], stop_pipe_[1]}) ::close(fd);
  }

  /// Base URL, e.g. "http://127.0.0.1:PORT".
  std::string url(const std::string& scheme = "http") const {
    return scheme + "://127.0.0.1:" + std::to_string(port_);
  }

  /// Waits until `count` requests arrived (or fails the test) and returns them.
  std::vector<seen_request> wait_for(std::size_t count) {
    std::unique_lock lock(mutex_);
    BOOST_REQUIRE(arrived_.wait_for(lock, 20s, [&] { return seen_.size() >= count; }));
    return seen_;
  }

 private:
  bool wait_readable(int fd) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    ::poll(fds, 2, -1);
    return fds[1].revents == 0;
  }

  void serve() {
    while (wait_readable(listen_fd_)) {
      connection c{::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC)};
      timeval limit{5, 0};
      ::setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
      if (tls_ != nullptr) {
        c.ssl = SSL_new(tls_);
        SSL_set_fd(c.ssl, c.fd);
        if (SSL_accept(c.ssl) != 1) continue;
      }
      auto request = read_request(c);
      if (!request) continue;
      auto answer = handler_(*request);
      {
        std::lock_guard lock(mutex_);
        seen_.push_back(*request);
        arrived_.notify_all();
      }
      if (answer) {
        c.write_all(*answer);
      } else {
        wait_readable(stop_pipe_[0]);
      }
    }
  }

  handler handler_;
  SSL_CTX* tls_;
  int listen_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<seen_request> seen_;
  std::thread thread_;
};

/// A TLS server context with a fresh self-signed certificate for localhost.
struct self_signed_tls {
  self_signed_tls() {
    dir = std::filesystem::temp_directory_path() / ("auraos-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto key = (dir / "key.pem").string(), cert = (dir / "cert.pem").string();
    auto made = auraos::test::run_process({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                           "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                                           "-out", cert, "-days", "1", "-subj", "/CN=localhost"});
    BOOST_REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    context = SSL_CTX_new(TLS_server_method());
    BOOST_REQUIRE(SSL_CTX_use_certificate_file(context, cert.c_str(), SSL_FILETYPE_PEM) == 1);
    BOOST_REQUIRE(SSL_CTX_use_PrivateKey_file(context, key.c_str(), SSL_FILETYPE_PEM) == 1);
  }
  ~self_signed_tls() {
    SSL_CTX_free(context);
    std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
  SSL_CTX* context = nullptr;
};

http_request request_for(const json& config) {
  attempt_identity id{"exec-9", "call", 1, "exec-9/call/1"};
  auto request = parse_http_config(config, id);
  BOOST_REQUIRE_MESSAGE(request.has_value(), "config rejected");
  return std::move(request).value();
}

http_result send(const http_request& request) {
  http_client client;
  auraos::test::result_slot<http_result> slot;
  client.start(request, slot.callback());
  return slot.wait();
}

const json& output(const http_result& r) {
  return auraos::test::output_of(r);
}

/// A port on 127.0.0.1 where nothing listens.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(handlers_http)

BOOST_AUTO_TEST_CASE(get_returns_status_headers_body_and_sends_idempotency_key) {
  test_server server([](const seen_request&) { return response(200, "hello"); });
  auto r = send(request_for(json{{"url", server.url() + "/path?q=1"}}));
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["status"] == 200);
  BOOST_TEST(output(r)["body"] == "hello");
  BOOST_TEST(output(r)["headers"]["x-test"] == "a, b");
  BOOST_TEST(!output(r).contains("json"));
  auto seen = server.wait_for(1).at(0);
  BOOST_TEST(seen.method == "GET");
  BOOST_TEST(seen.target == "/path?q=1");
  BOOST_TEST(seen.headers["idempotency-key"] == "exec-9/call/1");
  BOOST_TEST(seen.headers["host"] == server.url().substr(7));
}

BOOST_AUTO_TEST_CASE(post_sends_json_body_with_content_type_and_parses_json_reply) {
  test_server server([](const seen_request& req) {
    return response(201, json{{"echo", json::parse(req.body)}}.dump(), "application/json");
  });
  auto r = send(request_for(json{{"method", "post"},
                                 {"url", server.url() + "/items"},
                                 {"headers", {{"X-Trace", "t1"}}},
                                 {"body", {{"name", "a"}, {"n", 2}}}}));
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(output(r)["status"] == 201);
  BOOST_TEST(output(r)["json"]["echo"] == (json{{"name", "a"}, {"n", 2}}));
  auto seen = server.wait_for(1).at(0);
  BOOST_TEST(seen.method == "POST");
  BOOST_TEST(seen.headers["content-type"] == "application/json");
  BOOST_TEST(seen.headers["x-trace"] == "t1");
}

BOOST_AUTO_TEST_CASE(string_body_is_sent_as_is_with_the_given_content_type) {
  test_server server([](const seen_request&) { return response(200, "ok"); });
  auto r = send(request_for(json{{"method", "PUT"},
                                 {"url", server.url()},
                                 {"headers", {{"content-type", "text/csv"}}},
                                 {"body", "a,b\n1,2\n"}}));
  BOOST_REQUIRE(r.ok);
  auto seen = server.wait_for(1).at(0);
  BOOST_TEST(seen.body == "a,b\n1,2\n");
  BOOST_TEST(seen.headers["content-type"] == "text/csv");
  BOOST_TEST(seen.target == "/");
}

BOOST_AUTO_TEST_CASE(server_error_is_a_retryable_http_status_error_keeping_the_output) {
  test_server server([](const seen_request&) { return response(503, "busy"); });
  auto r = send(request_for(json{{"url", server.url()}}));
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "http_status");
  BOOST_TEST(r.error.retryable);
  BOOST_TEST(output(r)["status"] == 503);
  BOOST_TEST(output(r)["body"] == "busy");
}

BOOST_AUTO_TEST_CASE(client_error_is_a_non_retryable_http_status_error) {
  test_server server([](const seen_request&) { return response(404, "nope"); });
  auto r = send(request_for(json{{"url", server.url() + "/missing"}}));
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "http_status");
  BOOST_TEST(!r.error.retryable);
  BOOST_TEST(output(r)["status"] == 404);
}

BOOST_AUTO_TEST_CASE(refused_connection_is_a_retryable_connection_error) {
  auto r = send(request_for(json{{"url", "http://127.0.0.1:" + std::to_string(closed_port())}}));
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "connection");
  BOOST_TEST(r.error.retryable);
  BOOST_TEST(r.error.message.find("cannot connect to 127.0.0.1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_host_is_a_connection_error) {
  auto r = send(request_for(json{{"url", "http://no-such-host.invalid/"}}));
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "connection");
  BOOST_TEST(r.error.message.find("cannot resolve host 'no-such-host.invalid'") == 0);
}

BOOST_AUTO_TEST_CASE(server_that_never_answers_times_out) {
  test_server server([](const seen_request&) { return std::nullopt; });
  auto request = request_for(json{{"url", server.url()}});
  request.timeout = 300ms;
  auto r = send(request);
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "timeout");
  BOOST_TEST(r.error.retryable);
}

BOOST_AUTO_TEST_CASE(tls_server_that_never_completes_the_handshake_hits_the_connect_timeout) {
  test_server server([](const seen_request&) { return std::nullopt; });  // speaks no TLS
  auto request = request_for(json{{"url", server.url("https")}});
  request.connect_timeout = 300ms;
  auto r = send(request);
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "timeout");
  BOOST_TEST(r.error.message.find("connecting to 127.0.0.1") == 0);
}

BOOST_AUTO_TEST_CASE(cancel_stops_a_pending_request) {
  test_server server([](const seen_request&) { return std::nullopt; });
  http_client client;
  auraos::test::result_slot<http_result> slot;
  auto handle = client.start(request_for(json{{"url", server.url()}}), slot.callback());
  server.wait_for(1);
  handle.cancel();
  auto r = slot.wait();
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "cancelled");
  BOOST_TEST(!r.error.retryable);
}

BOOST_AUTO_TEST_CASE(response_larger_than_the_cap_fails) {
  test_server server([](const seen_request&) { return response(200, std::string(5000, 'x')); });
  auto request = request_for(json{{"url", server.url()}});
  request.body_cap = 1000;
  auto r = send(request);
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "response_too_large");
}

BOOST_AUTO_TEST_CASE(response_read_to_eof_larger_than_the_cap_fails) {
  test_server server([](const seen_request&) {
    return "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + std::string(5000, 'x');
  });
  auto request = request_for(json{{"url", server.url()}});
  request.body_cap = 1000;
  auto r = send(request);
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "response_too_large");
}

BOOST_AUTO_TEST_CASE(https_works_against_a_self_signed_server_when_verification_is_off) {
  self_signed_tls tls;
  test_server server([](const seen_request&) { return response(200, "secure"); }, tls.context);
  auto request = request_for(json{{"url", server.url("https") + "/s"}});
  request.verify_peer = false;
  auto r = send(request);
  BOOST_REQUIRE_MESSAGE(r.ok, r.error.message);
  BOOST_TEST(output(r)["body"] == "secure");
  BOOST_TEST(server.wait_for(1).at(0).headers["idempotency-key"] == "exec-9/call/1");
}

BOOST_AUTO_TEST_CASE(https_rejects_a_self_signed_certificate_when_verifying) {
  self_signed_tls tls;
  test_server server([](const seen_request&) { return response(200, "secure"); }, tls.context);
  auto r = send(request_for(json{{"url", server.url("https")}}));
  BOOST_REQUIRE(!r.ok);
  BOOST_TEST(r.error.type == "connection");
  BOOST_TEST(r.error.message.find("TLS handshake") != std::string::npos);
  BOOST_TEST(r.error.message.find("certificate verify failed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_urls_are_config_errors_naming_the_field) {
  attempt_identity id;
  for (const auto* url : {"ftp://x/", "http://", "http://h:99999/", "http://u:p@h/"}) {
    auto r = parse_http_config(json{{"url", url}}, id);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().type == "config");
    BOOST_TEST(r.error().message.find("config.url") == 0);
  }
  BOOST_TEST(!parse_http_config(json{{"method", "GET"}}, id));
  auto bad_method = parse_http_config(json{{"method", "GE T"}, {"url", "http://h/"}}, id);
  BOOST_REQUIRE(!bad_method);
  BOOST_TEST(bad_method.error().message.find("config.method") == 0);
}

BOOST_AUTO_TEST_CASE(bytes_that_would_split_the_request_are_config_errors) {
  attempt_identity id;
  for (const auto* url : {"http://h/a b", "http://h/a\r\nX: 1", "http://h\r\n/"}) {
    auto r = parse_http_config(json{{"url", url}}, id);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().message.find("config.url") == 0);
  }
  for (const auto& headers : {json{{"X", "a\r\nY: 1"}}, json{{"X", "a\nb"}}, json{{"X Y", "a"}},
                              json{{"X:", "a"}}, json{{"", "a"}}}) {
    auto r = parse_http_config(json{{"url", "http://h/"}, {"headers", headers}}, id);
    BOOST_REQUIRE(!r);
    BOOST_TEST(r.error().message.find("config.headers") == 0);
  }
  BOOST_TEST(parse_http_config(json{{"url", "http://h/"}, {"headers", {{"X-A_b", "v\tw"}}}}, id)
                 .has_value());
}

BOOST_AUTO_TEST_CASE(url_parts_cover_ports_ipv6_and_queries) {
  auto url = parse_url("https://[::1]:8443?x=1#frag");
  BOOST_REQUIRE(url);
  BOOST_TEST(url->tls);
  BOOST_TEST(url->host == "::1");
  BOOST_TEST(url->port == "8443");
  BOOST_TEST(url->target == "/?x=1");
  BOOST_TEST(url->host_header == "[::1]:8443");
  auto plain = parse_url("http://example.com");
  BOOST_REQUIRE(plain);
  BOOST_TEST(plain->port == "80");
  BOOST_TEST(plain->host_header == "example.com");
}

BOOST_AUTO_TEST_SUITE_END()
