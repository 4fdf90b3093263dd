// The test SSE client: a blocking socket read by a thread, decoded into messages.

#include "tests/support/sse_client.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace auraos::test {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// Decodes the complete chunks at the front of `raw` into `out`; false once the last chunk came.
bool dechunk(std::string& raw, std::string& out) {
  while (true) {
    auto line_end = raw.find("\r\n");
    if (line_end == std::string::npos) return true;
    auto size = std::stoul(raw.substr(0, line_end), nullptr, 16);
    if (size == 0) return false;
    if (raw.size() < line_end + 2 + size + 2) return true;
    out += raw.substr(line_end + 2, size);
    raw.erase(0, line_end + 2 + size + 2);
  }
}

}  // namespace

sse_client::sse_client(std::uint16_t port, const std::string& target,
                       const std::map<std::string, std::string>& headers) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    throw std::runtime_error("sse_client: cannot connect to port " + std::to_string(port));
  }
  std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Accept: text/event-stream\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n";
  ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL);
  reader_ = std::thread{[this] { read_loop(); }};
}

sse_client::~sse_client() {
  close();
  if (reader_.joinable()) reader_.join();
  ::close(fd_);
}

void sse_client::close() {
  ::shutdown(fd_, SHUT_RDWR);
}

void sse_client::read_loop() {
  char buffer[8192];
  while (true) {
    auto n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    auto received = std::chrono::steady_clock::now();
    std::lock_guard lock{mutex_};
    take(std::string(buffer, static_cast<std::size_t>(n)), received);
    changed_.notify_all();
  }
  std::lock_guard lock{mutex_};
  closed_ = true;
  changed_.notify_all();
}

void sse_client::take(const std::string& bytes, std::chrono::steady_clock::time_point received) {
  raw_ += bytes;
  if (!head_done_) {
    auto end = raw_.find("\r\n\r\n");
    if (end == std::string::npos) return;
    auto head = raw_.substr(0, end);
    raw_.erase(0, end + 4);
    status_ = std::stoi(head.substr(9, 3));
    std::size_t at = head.find("\r\n");
    while (at != std::string::npos) {
      auto next = head.find("\r\n", at + 2);
      auto line =
          head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
      auto colon = line.find(':');
      if (colon != std::string::npos)
        headers_[lower(line.substr(0, colon))] =
            line.substr(line.find_first_not_of(' ', colon + 1));
      at = next;
    }
    chunked_ = lower(headers_["transfer-encoding"]) == "chunked";
    head_done_ = true;
  }
  if (!chunked_ || headers_["content-type"] != "text/event-stream") return;
  dechunk(raw_, events_text_);
  parse_events(received);
}

void sse_client::parse_events(std::chrono::steady_clock::time_point received) {
  std::size_t begin = 0;  // erased once at the end: a read may hold many messages
  while (true) {
    auto end = events_text_.find("\n\n", begin);
    if (end == std::string::npos) break;
    auto block = events_text_.substr(begin, end + 1 - begin);
    begin = end + 2;
    sse_message message;
    message.received = received;
    std::size_t at = 0;
    while (at < block.size()) {
      auto nl = block.find('\n', at);
      auto line = block.substr(at, nl - at);
      at = nl + 1;
      if (line.rfind(": ", 0) == 0) message.data = line.substr(2);
      if (line.rfind("event: ", 0) == 0) message.event = line.substr(7);
      if (line.rfind("data: ", 0) == 0)
        message.data += (message.data.empty() ? "" : "\n") + line.substr(6);
    }
    messages_.push_back(std::move(message));
  }
  events_text_.erase(0, begin);
}

int sse_client::wait_status(std::chrono::milliseconds deadline) {
  std::unique_lock lock{mutex_};
  changed_.wait_for(lock, deadline, [&] { return head_done_ || closed_; });
  return status_;
}

std::map<std::string, std::string> sse_client::headers() const {
  std::lock_guard lock{mutex_};
  return headers_;
}

std::string sse_client::body() const {
  std::lock_guard lock{mutex_};
  return raw_;
}

int sse_client::wait_for(const std::function<bool(const sse_message&)>& match,
                         std::chrono::milliseconds deadline, std::size_t from) {
  std::unique_lock lock{mutex_};
  int found = -1;
  changed_.wait_for(lock, deadline, [&] {
    for (std::size_t i = from; i < messages_.size(); ++i)
      if (match(messages_[i])) {
        found = static_cast<int>(i);
        return true;
      }
    return closed_;
  });
  return found;
}

bool sse_client::wait_closed(std::chrono::milliseconds deadline) {
  std::unique_lock lock{mutex_};
  return changed_.wait_for(lock, deadline, [&] { return closed_; });
}

std::vector<sse_message> sse_client::messages() const {
  std::lock_guard lock{mutex_};
  return messages_;
}

}  // namespace auraos::test
