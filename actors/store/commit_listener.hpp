#pragma once
// Who hears of the store actor's commits (the node's live updates), without the store actor
// knowing what they do with them.

#include <vector>

#include "persistence/store.hpp"

namespace auraos::actors::store {

/// Hears of every successful commit, on the store actor's thread, right after it.
class commit_listener {
 public:
  virtual ~commit_listener() = default;
  /// True when committed() has something to do; the store actor checks it before each call,
  /// so it must be cheap (an atomic load) and an idle listener costs the hot path nothing more.
  virtual bool listening() const = 0;
  /// A batch was committed: its requests, with one outcome each. `db` is the store the actor
  /// owns, for reads on its thread.
  virtual void committed(persistence::store& db, const persistence::write_batch& batch,
                         const std::vector<persistence::write_outcome>& outcomes) = 0;
};

}  // namespace auraos::actors::store
