#include "runtime/handlers/shell_session.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <optional>

namespace auraos::runtime::handlers {
namespace {

using clock = std::chrono::steady_clock;

/// How long output is still read after the leader exited and its group was killed.
constexpr auto drain_limit = std::chrono::milliseconds(1000);
/// Poll interval when no pidfd is available to signal the leader's exit.
constexpr auto exit_check_interval = std::chrono::milliseconds(50);

class session {
 public:
  session(spawned_process process, const shell_request& request, int wake_fd,
          const std::atomic<bool>& cancel_requested)
      : process_(std::move(process)),
        request_(request),
        wake_fd_(wake_fd),
        cancel_requested_(cancel_requested) {
    if (request_.timeout.count() > 0) timeout_at_ = clock::now() + request_.timeout;
    if (request_.stdin_data.empty()) process_.stdin_fd.reset();
  }

  shell_outcome run() {
    while (step()) {
    }
    ::waitpid(process_.pid, &outcome_.wait_status, 0);
    return std::move(outcome_);
  }

 private:
  bool step() {
    auto now = clock::now();
    enforce_stop(now);
    if (!leader_gone_ && leader_exited()) {
      leader_gone_ = true;
      ::kill(-process_.pid, SIGKILL);
      drain_until_ = now + drain_limit;
    }
    bool streams_open = process_.stdout_fd || process_.stderr_fd;
    if (leader_gone_ && (!streams_open || now >= drain_until_)) return false;
    wait_for_events(now);
    return true;
  }

  void enforce_stop(clock::time_point now) {
    if (outcome_.reason == stop_reason::none) {
      if (cancel_requested_.load()) {
        stop(now, stop_reason::cancelled);
      } else if (timeout_at_ && now >= *timeout_at_) {
        stop(now, stop_reason::timeout);
      }
    }
    if (kill_at_ && now >= *kill_at_) {
      ::kill(-process_.pid, SIGKILL);
      kill_at_.reset();
    }
  }

  void stop(clock::time_point now, stop_reason reason) {
    outcome_.reason = reason;
    ::kill(-process_.pid, SIGTERM);
    kill_at_ = now + request_.kill_grace;
  }

  bool leader_exited() const {
    siginfo_t info{};
    int rc = ::waitid(P_PID, static_cast<id_t>(process_.pid), &info, WEXITED | WNOHANG | WNOWAIT);
    return rc == 0 && info.si_pid == process_.pid;
  }

  int poll_timeout(clock::time_point now) const {
    auto next = now + std::chrono::hours(1);
    if (!process_.exit_fd) next = now + exit_check_interval;
    for (const auto& at : {timeout_at_, kill_at_}) {
      if (at) next = std::min(next, *at);
    }
    if (leader_gone_) next = std::min(next, drain_until_);
    auto wait = std::chrono::ceil<std::chrono::milliseconds>(next - now);
    return static_cast<int>(std::max<std::int64_t>(wait.count(), 0));
  }

  void wait_for_events(clock::time_point now) {
    pollfd fds[5] = {{process_.stdout_fd.get(), POLLIN, 0},
                     {process_.stderr_fd.get(), POLLIN, 0},
                     {process_.stdin_fd.get(), POLLOUT, 0},
                     {leader_gone_ ? -1 : process_.exit_fd.get(), POLLIN, 0},
                     {wake_fd_, POLLIN, 0}};
    if (::poll(fds, 5, poll_timeout(now)) <= 0) return;
    if (fds[0].revents != 0) read_stream(process_.stdout_fd, outcome_.out);
    if (fds[1].revents != 0) read_stream(process_.stderr_fd, outcome_.err);
    if (fds[2].revents != 0) write_stdin();
    if (fds[4].revents != 0) {
      std::uint64_t count = 0;
      [[maybe_unused]] auto n = ::read(wake_fd_, &count, sizeof count);
    }
  }

  void read_stream(unique_fd& fd, captured_stream& stream) {
    char buffer[65536];
    auto n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
    if (n <= 0) {
      fd.reset();
      return;
    }
    auto size = static_cast<std::size_t>(n);
    auto room = request_.output_cap - std::min(request_.output_cap, stream.bytes.size());
    stream.bytes.append(buffer, std::min(size, room));
    if (size > room) stream.truncated = true;
  }

  void write_stdin() {
    const auto& data = request_.stdin_data;
    auto n = ::write(process_.stdin_fd.get(), data.data() + written_, data.size() - written_);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
    if (n > 0) written_ += static_cast<std::size_t>(n);
    if (n <= 0 || written_ == data.size()) process_.stdin_fd.reset();
  }

  spawned_process process_;
  const shell_request& request_;
  int wake_fd_;
  const std::atomic<bool>& cancel_requested_;
  shell_outcome outcome_;
  std::optional<clock::time_point> timeout_at_;
  std::optional<clock::time_point> kill_at_;
  clock::time_point drain_until_;
  bool leader_gone_ = false;
  std::size_t written_ = 0;
};

}  // namespace

shell_outcome supervise(spawned_process process, const shell_request& request, int wake_fd,
                        const std::atomic<bool>& cancel_requested) {
  return session(std::move(process), request, wake_fd, cancel_requested).run();
}

}  // namespace auraos::runtime::handlers
