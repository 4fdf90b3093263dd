// Waiting for SIGHUP on a thread of its own.

#include "node/reload_signal.hpp"

#include <pthread.h>

#include <csignal>
#include <ctime>

namespace auraos::node {
namespace {

sigset_t reload_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

void block_reload_signal() {
  std::signal(SIGHUP, SIG_DFL);
  auto set = reload_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

reload_watcher::reload_watcher(std::function<void()> on_reload)
    : thread_([this, on_reload = std::move(on_reload)] {
        auto set = reload_signals();
        timespec poll{0, 100 * 1000 * 1000};
        while (!stop_.load())
          if (sigtimedwait(&set, nullptr, &poll) == SIGHUP) on_reload();
      }) {}

reload_watcher::~reload_watcher() {
  stop_.store(true);
  thread_.join();
}

}  // namespace auraos::node
