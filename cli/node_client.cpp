// A small blocking HTTP/1.1 client over POSIX sockets (one request per connection).

#include "cli/node_client.hpp"

#include "cli/credentials.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gateway/http_message.hpp"

namespace auraos::cli {
namespace {

/// A connected socket, closed when it goes.
class connection {
 public:
  explicit connection(int fd) : fd_(fd) {}
  ~connection() {
    if (fd_ >= 0) ::close(fd_);
  }
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

std::string where(const server_address& server) {
  return "http://" + server.host + ":" + std::to_string(server.port);
}

int connect_to(const server_address& server) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(server.host.c_str(), std::to_string(server.port).c_str(), &hints, &found) != 0)
    return -1;
  int fd = -1;
  for (auto* at = found; at && fd < 0; at = at->ai_next) {
    fd = ::socket(at->ai_family, at->ai_socktype, at->ai_protocol);
    if (fd >= 0 && ::connect(fd, at->ai_addr, at->ai_addrlen) != 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  return fd;
}

bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    auto sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

/// Reads the head; leaves what followed it in `rest`. False when the server broke off.
bool read_head(int fd, node_reply& reply, std::string& rest) {
  std::string buffer;
  char chunk[4096];
  std::size_t end = std::string::npos;
  while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
    auto got = ::recv(fd, chunk, sizeof chunk, 0);
    if (got <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(got));
  }
  auto head = buffer.substr(0, end);
  rest = buffer.substr(end + 4);
  if (head.size() < 12 || head.compare(0, 5, "HTTP/") != 0) return false;
  reply.status = std::atoi(head.c_str() + head.find(' ') + 1);
  for (auto line = head.find("\r\n"); line != std::string::npos;) {
    auto next = head.find("\r\n", line + 2);
    auto field = head.substr(line + 2, next == std::string::npos ? next : next - line - 2);
    if (auto colon = field.find(':'); colon != std::string::npos) {
      auto name = field.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto value = field.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      reply.headers[name] = value;
    }
    line = next;
  }
  return true;
}

/// Decodes a chunked body incrementally: feed bytes, get the data out.
class chunk_decoder {
 public:
  /// Appends `bytes`; calls `out` with each complete piece of data. False at the last chunk.
  bool feed(std::string_view bytes, const std::function<bool(std::string_view)>& out) {
    pending_.append(bytes);
    while (true) {
      if (remaining_ == 0) {
        auto eol = pending_.find("\r\n");
        if (eol == std::string::npos) return true;
        if (eol == 0) {  // the CRLF after a chunk's data
          pending_.erase(0, 2);
          continue;
        }
        remaining_ = std::strtoull(pending_.c_str(), nullptr, 16);
        pending_.erase(0, eol + 2);
        if (remaining_ == 0) return false;
      }
      if (pending_.empty()) return true;
      auto take = std::min<std::size_t>(remaining_, pending_.size());
      bool more = out(std::string_view{pending_}.substr(0, take));
      pending_.erase(0, take);
      remaining_ -= take;
      if (!more) return false;
    }
  }

 private:
  std::string pending_;
  std::size_t remaining_ = 0;
};

/// Reads the body after the head, handing pieces to `out` until it ends or `out` says stop.
void read_body(int fd, const node_reply& reply, std::string rest,
               const std::function<bool(std::string_view)>& out) {
  auto encoding = reply.headers.find("transfer-encoding");
  bool chunked = encoding != reply.headers.end() && encoding->second.find("chunked") != std::string::npos;
  chunk_decoder decoder;
  auto take = [&](std::string_view bytes) {
    return chunked ? decoder.feed(bytes, out) : out(bytes);
  };
  if (!rest.empty() && !take(rest)) return;
  char chunk[8192];
  while (true) {
    auto got = ::recv(fd, chunk, sizeof chunk, 0);
    if (got <= 0 || !take(std::string_view{chunk, static_cast<std::size_t>(got)})) return;
  }
}

result<node_reply, unreachable> exchange(const server_address& server, const std::string& request,
                                         const std::function<bool(std::string_view)>* stream) {
  connection conn{connect_to(server)};
  if (conn.fd() < 0) return fail(unreachable{"cannot connect to " + where(server)});
  if (!send_all(conn.fd(), request))
    return fail(unreachable{"cannot send the request to " + where(server)});
  node_reply reply;
  std::string rest;
  if (!read_head(conn.fd(), reply, rest))
    return fail(unreachable{where(server) + " closed the connection without an answer"});
  bool ok = reply.status >= 200 && reply.status < 300;
  if (stream && ok) {
    read_body(conn.fd(), reply, std::move(rest), *stream);
    return reply;
  }
  read_body(conn.fd(), reply, std::move(rest), [&reply](std::string_view bytes) {
    reply.body.append(bytes);
    return true;
  });
  return reply;
}

std::string request_text(const server_address& server, const std::string& method,
                         const std::string& target, const std::string& body,
                         const std::map<std::string, std::string>& headers) {
  std::string text = method + " " + target + " HTTP/1.1\r\nHost: " + server.host + ":" +
                     std::to_string(server.port) + "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) text += name + ": " + value + "\r\n";
  if (!server.token.empty() && !headers.count("Authorization"))
    text += "Authorization: Bearer " + server.token + "\r\n";
  if (!body.empty() && !headers.count("Content-Type"))
    text += "Content-Type: application/json\r\n";
  if (!body.empty() || method == "POST" || method == "PUT")
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return text + "\r\n" + body;
}

}  // namespace

result<server_address, std::string> resolve_server(const std::string& flag,
                                                   const std::string& token_flag) {
  std::string url = flag;
  if (url.empty()) {
    const char* env = std::getenv("AURAOS_SERVER");
    url = env && *env ? env : "http://127.0.0.1:8080";
  }
  constexpr std::string_view scheme = "http://";
  if (url.compare(0, scheme.size(), scheme) != 0)
    return fail("--server: '" + url + "' is not an http://HOST[:PORT] URL");
  auto rest = url.substr(scheme.size());
  rest = rest.substr(0, rest.find('/'));
  server_address server;
  auto colon = rest.rfind(':');
  bool bracketed = !rest.empty() && rest.front() == '[';
  if (colon != std::string::npos && (!bracketed || rest[colon - 1] == ']')) {
    char* end = nullptr;
    auto port = std::strtoul(rest.c_str() + colon + 1, &end, 10);
    if (*end != '\0' || port == 0 || port > 65535)
      return fail("--server: '" + url + "' has no valid port");
    server.port = static_cast<std::uint16_t>(port);
    rest = rest.substr(0, colon);
  }
  if (bracketed && rest.size() > 2 && rest.back() == ']') rest = rest.substr(1, rest.size() - 2);
  if (rest.empty()) return fail("--server: '" + url + "' names no host");
  server.host = rest;
  server.url = url;
  while (!server.url.empty() && server.url.back() == '/') server.url.pop_back();
  server.token = token_flag == "-" ? "" : token_flag;  // "-": send no token at all
  if (token_flag.empty()) {
    const char* env = std::getenv("AURAOS_TOKEN");
    server.token = env && *env ? env : saved_token(server);
  }
  return server;
}

result<node_reply, unreachable> call_node(const server_address& server, const std::string& method,
                                          const std::string& target, const std::string& body,
                                          const std::map<std::string, std::string>& headers) {
  return exchange(server, request_text(server, method, target, body, headers), nullptr);
}

result<node_reply, unreachable> stream_node(
    const server_address& server, const std::string& target,
    const std::map<std::string, std::string>& headers,
    const std::function<bool(std::string_view)>& on_data) {
  return exchange(server, request_text(server, "GET", target, "", headers), &on_data);
}

std::string query_escape(std::string_view text) {
  return gateway::percent_encode(text);
}

}  // namespace auraos::cli
