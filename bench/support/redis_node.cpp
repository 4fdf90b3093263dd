#include "bench/support/redis_node.hpp"

#include <chrono>
#include <csignal>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "bench/support/resp_client.hpp"
#include "tests/support/pg_server.hpp"

namespace auraos::bench {

namespace {

constexpr std::chrono::seconds start_deadline{30};

/// Waits up to `deadline` for `pid` to exit; true when it did.
bool reaped(pid_t pid, std::chrono::milliseconds deadline) {
  auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

/// True once the server on `port` answers PING.
bool answers_ping(std::uint16_t port) {
  try {
    resp_client client{port};
    std::string ping;
    append_resp_command(ping, {"PING"});
    return client.pipeline(ping, 1).front() == "PONG";
  } catch (const std::exception&) {
    return false;  // not listening yet
  }
}

}  // namespace

result<std::unique_ptr<redis_node>, std::string> redis_node::start(const std::string& binary) {
  std::unique_ptr<redis_node> node{new redis_node};
  auto port = test::unused_port();
  if (!port) return fail(port.error());
  node->port_ = *port;
  node->arguments_ = {"--port",        std::to_string(*port),
                      "--bind",        "127.0.0.1",
                      "--dir",         node->dir_.path().string(),
                      "--appendonly",  "yes",
                      "--appendfsync", "always",
                      "--save",        "",
                      "--daemonize",   "no",
                      "--logfile",     node->dir_.file("redis.log")};
  std::vector<std::string> argv{binary};
  argv.insert(argv.end(), node->arguments_.begin(), node->arguments_.end());
  node->pid_ = ::fork();
  if (node->pid_ < 0) return fail(std::string("redis-server: fork failed"));
  if (node->pid_ == 0) {
    std::vector<char*> raw;
    for (auto& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    ::execvp(raw[0], raw.data());
    ::_exit(127);
  }
  auto until = std::chrono::steady_clock::now() + start_deadline;
  while (!answers_ping(*port)) {
    if (::waitpid(node->pid_, nullptr, WNOHANG) == node->pid_) {
      node->pid_ = -1;
      return fail(binary + " exited at start (is it installed? scripts/setup.sh)");
    }
    if (std::chrono::steady_clock::now() > until) return fail(binary + ": no PONG after 30 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return node;
}

redis_node::~redis_node() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  if (!reaped(pid_, std::chrono::seconds(10))) {
    ::kill(pid_, SIGKILL);
    reaped(pid_, std::chrono::seconds(10));
  }
}

}  // namespace auraos::bench
