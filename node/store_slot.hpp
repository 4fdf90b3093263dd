#pragma once
// The store actor of the node's current store child, and who wants to hear of a new one.

#include <functional>
#include <mutex>
#include <utility>
#include <vector>

#include "actors/store/store_actor.hpp"

namespace auraos::node::detail {

/// Called with the store actor after each (re)start of the store child.
using store_listener = std::function<void(actors::store::store_actor)>;

/// Shared by the store child (which sets it at every start) and the node's readers.
class store_slot {
 public:
  /// Records the store actor of a (re)started store child and tells every listener.
  void set(actors::store::store_actor actor) {
    std::vector<store_listener> listeners;
    {
      std::lock_guard lock(mutex_);
      store_ = actor;
      listeners = listeners_;
    }
    for (auto& listener : listeners) listener(actor);
  }
  /// The current store actor (null before the first start and after the node stopped).
  actors::store::store_actor get() const {
    std::lock_guard lock(mutex_);
    return store_;
  }
  /// Adds a listener; it hears of the current store actor at once, if there is one.
  void listen(store_listener listener) {
    actors::store::store_actor current;
    {
      std::lock_guard lock(mutex_);
      listeners_.push_back(listener);
      current = store_;
    }
    if (current) listener(std::move(current));
  }

 private:
  mutable std::mutex mutex_;
  actors::store::store_actor store_;
  std::vector<store_listener> listeners_;
};

}  // namespace auraos::node::detail
