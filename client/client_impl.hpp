#pragma once
// What a client holds: its connection and its subscriptions (stopped with it, since their
// actors would keep its actor system from ending). Internal to the library.

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "client/client.hpp"
#include "client/connection.hpp"

namespace auraos::client {

/// What the caller's handle and the subscription's actor share.
struct subscription::state {
  /// Held while a callback runs and while stopping (recursive: a callback may stop it).
  std::recursive_mutex mutex;
  bool stopped = false;
  caf::actor actor;
  std::thread::id callback_thread;  ///< The thread running a callback now, if one is.
};

struct client::impl {
  explicit impl(options opts) : link(std::move(opts)) {}
  detail::connection link;
  std::mutex mutex;
  std::vector<std::weak_ptr<subscription::state>> subscriptions;
};

}  // namespace auraos::client
