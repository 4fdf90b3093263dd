#pragma once
// Runs cluster_transport_peer (tests/cluster/transport_peer.cpp) as a child process: its port
// read from stdout, signals (SIGKILL, SIGSTOP, SIGCONT), killed at the end.

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace auraos::test {

/// A running transport peer process.
class peer_process {
 public:
  /// Starts the peer with `args` (NAME PORT [CERT KEY CA]) and waits up to 10 s for its port.
  explicit peer_process(std::vector<std::string> args) {
    const char* binary = std::getenv("AURAOS_TRANSPORT_PEER");
    if (binary == nullptr) throw std::runtime_error("AURAOS_TRANSPORT_PEER is not set (CTest)");
    args.insert(args.begin(), binary);
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("peer_process: pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("peer_process: fork failed");
    if (pid_ == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> raw;
      for (auto& arg : args) raw.push_back(arg.data());
      raw.push_back(nullptr);
      ::execv(raw[0], raw.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    port_ = read_port(fds[0]);
    ::close(fds[0]);
  }
  peer_process(const peer_process&) = delete;
  peer_process& operator=(const peer_process&) = delete;
  /// Kills the process (also when stopped) and reaps it.
  ~peer_process() { kill(); }

  /// The peer's bound cluster port.
  std::uint16_t port() const { return port_; }
  /// Sends `number` (SIGSTOP, SIGCONT, ...).
  void signal(int number) { ::kill(pid_, number); }
  /// SIGKILL, then waits for the exit.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  static std::uint16_t read_port(int fd) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (out.find('\n') == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      pollfd p{fd, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0)
        throw std::runtime_error("peer_process: no port within 10 s");
      char buffer[64];
      const auto n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) throw std::runtime_error("peer_process: exited before printing its port");
      out.append(buffer, static_cast<std::size_t>(n));
    }
    if (out.rfind("port ", 0) != 0) throw std::runtime_error("peer_process: printed " + out);
    return static_cast<std::uint16_t>(std::stoi(out.substr(5)));
  }

  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace auraos::test
