#pragma once
// Runs `auraos serve` in the background for integration tests: stderr captured line by line,
// the HTTP port read from the "listening on" line, stop by signal with an exit-code deadline.

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <map>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/process.hpp"

namespace auraos::test {

/// A running `auraos serve` child process.
class serve_process {
 public:
  /// Starts `auraos serve ARGS...` with extra environment `env`; throws when fork fails.
  explicit serve_process(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env = {}) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("serve_process: pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("serve_process: fork failed");
    if (pid_ == 0) exec_child(args, env, fds);
    ::close(fds[1]);
    reader_ = std::thread{[this, fd = fds[0]] { read_stderr(fd); }};
  }
  serve_process(const serve_process&) = delete;
  serve_process& operator=(const serve_process&) = delete;
  /// Kills the process if it still runs.
  ~serve_process() {
    if (exit_code_ < 0) {
      ::kill(pid_, SIGKILL);
      wait_exit(std::chrono::seconds(10));
    }
    if (reader_.joinable()) reader_.join();
  }

  /// Waits until a stderr line matches `pattern`; the match, or throws at the deadline.
  std::smatch wait_for_line(const std::string& pattern, std::chrono::milliseconds deadline) {
    std::regex re{pattern};
    std::unique_lock lock{mutex_};
    std::smatch match;
    std::size_t checked = 0;
    auto until = std::chrono::steady_clock::now() + deadline;
    while (true) {
      for (; checked < lines_.size(); ++checked)
        if (std::regex_search(lines_[checked], match, re)) return match;
      if (eof_ || changed_.wait_until(lock, until) == std::cv_status::timeout) {
        for (; checked < lines_.size(); ++checked)
          if (std::regex_search(lines_[checked], match, re)) return match;
        throw std::runtime_error("no stderr line matched '" + pattern + "'; stderr:\n" + joined());
      }
    }
  }

  /// Waits for the "listening on http://HOST:PORT" (or https://) line and returns the port.
  std::uint16_t wait_for_port(std::chrono::milliseconds deadline = std::chrono::seconds(30)) {
    auto match = wait_for_line(R"(listening on https?://[^ ]*:(\d+))", deadline);
    return static_cast<std::uint16_t>(std::stoi(match[1].str()));
  }

  /// Everything written to stderr so far.
  std::string err() const {
    std::lock_guard lock{mutex_};
    return joined();
  }

  /// Sends a signal (SIGTERM, SIGINT, SIGKILL).
  void signal(int number) { ::kill(pid_, number); }

  /// Waits for the exit: the exit status, 128 + signal when killed, -1 at the deadline.
  int wait_exit(std::chrono::milliseconds deadline) {
    auto until = std::chrono::steady_clock::now() + deadline;
    while (exit_code_ < 0 && std::chrono::steady_clock::now() < until) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return exit_code_;
  }

  /// The process id.
  pid_t pid() const { return pid_; }

 private:
  std::string joined() const {
    std::string all;
    for (const auto& line : lines_) all += line + "\n";
    return all;
  }

  [[noreturn]] static void exec_child(const std::vector<std::string>& args,
                                      const std::map<std::string, std::string>& env, int* fds) {
    ::dup2(fds[1], STDERR_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    for (const auto& [key, value] : env) ::setenv(key.c_str(), value.c_str(), 1);
    std::vector<std::string> argv{auraos_binary(), "serve"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    ::execv(raw[0], raw.data());
    ::_exit(127);
  }

  void read_stderr(int fd) {
    std::string partial;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) {
      std::lock_guard lock{mutex_};
      partial.append(buffer, static_cast<std::size_t>(n));
      for (auto nl = partial.find('\n'); nl != std::string::npos; nl = partial.find('\n')) {
        lines_.push_back(partial.substr(0, nl));
        partial.erase(0, nl + 1);
      }
      changed_.notify_all();
    }
    ::close(fd);
    std::lock_guard lock{mutex_};
    if (!partial.empty()) lines_.push_back(partial);
    eof_ = true;
    changed_.notify_all();
  }

  pid_t pid_ = -1;
  int exit_code_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
  bool eof_ = false;
};

}  // namespace auraos::test
