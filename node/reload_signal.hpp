#pragma once
// SIGHUP as "reload": a node serving HTTPS reads its certificate and key again
// (docs/security.md, TLS). Without a watcher SIGHUP keeps its default (it ends the process).

#include <atomic>
#include <functional>
#include <thread>

namespace auraos::node {

/// Blocks SIGHUP in the calling thread; call before any thread starts, so every thread inherits
/// the mask and only a reload_watcher takes the signal.
void block_reload_signal();

/// A thread that calls `on_reload` at each SIGHUP until it is destroyed. SIGHUP must have been
/// blocked (`block_reload_signal`) before any thread started.
class reload_watcher {
 public:
  /// Starts the thread.
  explicit reload_watcher(std::function<void()> on_reload);
  /// Stops and joins the thread (within about 100 ms).
  ~reload_watcher();
  reload_watcher(const reload_watcher&) = delete;
  reload_watcher& operator=(const reload_watcher&) = delete;

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace auraos::node
