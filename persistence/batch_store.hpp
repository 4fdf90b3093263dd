#pragma once
// The one write entry point of every store: a batch of requests, of any concerns, in one
// transaction (group commit). Each concern's store (workflow_store.hpp, execution_store.hpp,
// timer_store.hpp, lease_store.hpp) adds its reads and single-operation helpers on top.

#include <vector>

#include "persistence/write_batch.hpp"

namespace auraos::persistence {

/// Commits write batches. Synchronous: call it from one dedicated thread.
class batch_store {
 public:
  virtual ~batch_store() = default;

  /// Applies every request of the batch in one transaction; one outcome per request. Each
  /// operation's precondition (expected seq, current epoch, absent id) is checked inside it.
  virtual store_result<std::vector<write_outcome>> commit(const write_batch& batch) = 0;

 protected:
  /// Commits a batch of one request holding `op`; its result.
  store_result<op_result> commit_one(write_op op);
};

}  // namespace auraos::persistence
