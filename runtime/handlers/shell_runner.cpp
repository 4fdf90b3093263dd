#include "runtime/handlers/shell_runner.hpp"

#include <signal.h>
#include <sys/eventfd.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

#include "runtime/handlers/shell_result.hpp"
#include "runtime/handlers/shell_session.hpp"

namespace auraos::runtime::handlers {

/// One started command: how to wake its runner thread and ask it to stop.
struct shell_runner::job {
  job() : wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}
  void cancel() {
    cancel_requested = true;
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake.get(), &one, sizeof one);
  }
  unique_fd wake;
  std::atomic<bool> cancel_requested{false};
};

/// The commands still running, shared with their threads so it outlives the runner if needed.
struct shell_runner::shared_state {
  mutable std::mutex mutex;
  std::condition_variable idle;
  std::set<std::shared_ptr<job>> jobs;
};

namespace {

void block_all_signals() {
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, nullptr);
}

shell_result run_job(const shell_request& request, shell_runner::job& job) {
  auto process = spawn_process(request);
  if (!process) return work_failed(std::move(process).error());
  auto outcome =
      supervise(std::move(process).value(), request, job.wake.get(), job.cancel_requested);
  return shell_result_of(outcome, request);
}

}  // namespace

void shell_runner::handle::cancel() const {
  if (job_) job_->cancel();
}

shell_runner::shell_runner() : state_(std::make_shared<shared_state>()) {}

shell_runner::~shell_runner() {
  std::unique_lock lock(state_->mutex);
  for (const auto& job : state_->jobs) job->cancel();
  state_->idle.wait(lock, [this] { return state_->jobs.empty(); });
}

shell_runner::handle shell_runner::start(shell_request request,
                                         std::function<void(shell_result)> done) {
  auto new_job = std::make_shared<job>();
  {
    std::lock_guard lock(state_->mutex);
    state_->jobs.insert(new_job);
  }
  auto finish = [state = state_, new_job] {
    std::lock_guard lock(state->mutex);
    state->jobs.erase(new_job);
    state->idle.notify_all();
  };
  try {
    std::thread([new_job, finish, request = std::move(request), done] {
      block_all_signals();
      done(run_job(request, *new_job));
      finish();
    }).detach();
  } catch (const std::system_error& e) {
    done(work_failed({"spawn", std::string("cannot start a runner thread: ") + e.what(), true}));
    finish();
  }
  return handle(new_job);
}

std::size_t shell_runner::running() const {
  std::lock_guard lock(state_->mutex);
  return state_->jobs.size();
}

}  // namespace auraos::runtime::handlers
