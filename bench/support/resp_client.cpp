#include "bench/support/resp_client.hpp"

#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

namespace auraos::bench {

namespace asio = boost::asio;

struct resp_client::impl {
  asio::io_context context;
  asio::ip::tcp::socket socket{context};
};

void append_resp_command(std::string& out, const std::vector<std::string_view>& argv) {
  out += '*' + std::to_string(argv.size()) + "\r\n";
  for (auto arg : argv) {
    out += '$' + std::to_string(arg.size()) + "\r\n";
    out += arg;
    out += "\r\n";
  }
}

resp_client::resp_client(std::uint16_t port) : impl_(std::make_unique<impl>()) {
  boost::system::error_code error;
  impl_->socket.connect({asio::ip::make_address("127.0.0.1"), port}, error);
  if (error) throw std::runtime_error("redis: cannot connect to port " + std::to_string(port));
  impl_->socket.set_option(asio::ip::tcp::no_delay{true});
}

resp_client::~resp_client() = default;

std::vector<std::string> resp_client::pipeline(const std::string& commands, std::size_t count) {
  boost::system::error_code error;
  asio::write(impl_->socket, asio::buffer(commands), error);
  if (error) throw std::runtime_error("redis: write failed: " + error.message());
  std::vector<std::string> replies;
  replies.reserve(count);
  while (replies.size() < count) replies.push_back(read_reply());
  buffer_.erase(0, at_);
  at_ = 0;
  return replies;
}

void resp_client::fill() {
  char bytes[65536];
  boost::system::error_code error;
  auto n = impl_->socket.read_some(asio::buffer(bytes), error);
  if (error) throw std::runtime_error("redis: read failed: " + error.message());
  buffer_.append(bytes, n);
}

std::string resp_client::read_line() {
  auto end = buffer_.find("\r\n", at_);
  while (end == std::string::npos) {
    fill();
    end = buffer_.find("\r\n", at_);
  }
  auto line = buffer_.substr(at_, end - at_);
  at_ = end + 2;
  return line;
}

std::string resp_client::read_reply() {
  auto line = read_line();
  if (line.empty()) throw std::runtime_error("redis: empty reply line");
  auto rest = line.substr(1);
  switch (line[0]) {
    case '+':
    case ':':
      return rest;
    case '-':
      throw std::runtime_error("redis: " + rest);
    case '$': {
      auto size = std::stol(rest);
      if (size < 0) return "";
      while (buffer_.size() < at_ + static_cast<std::size_t>(size) + 2) fill();
      auto text = buffer_.substr(at_, static_cast<std::size_t>(size));
      at_ += static_cast<std::size_t>(size) + 2;
      return text;
    }
    case '*': {
      std::string joined;
      for (long i = 0, n = std::stol(rest); i < n; ++i) joined += (i ? " " : "") + read_reply();
      return joined;
    }
    default:
      throw std::runtime_error("redis: unexpected reply " + line);
  }
}

}  // namespace auraos::bench
