#pragma once
// What a client holds: its connection and its subscriptions (stopped with it, since their
// actors would keep its actor system from ending). Internal to the library.

#include <memory>
#include <mutex>
#include <vector>

#include "client/client.hpp"
#include "client/connection.hpp"

namespace auraos::client {

/// What the caller's handle and the subscription's actor share.
struct subscription::state {
  std::mutex mutex;  ///< Held while a callback runs and while stopping.
  bool stopped = false;
  caf::actor actor;
};

struct client::impl {
  explicit impl(options opts) : link(std::move(opts)) {}
  detail::connection link;
  std::mutex mutex;
  std::vector<std::weak_ptr<subscription::state>> subscriptions;
};

}  // namespace auraos::client
