#pragma once
// The sealed secrets of every concern (executions' secret inputs, tasks' secret configs) as key
// rotation sees them: which are not sealed under the current key, and re-sealing them.

#include <cstdint>
#include <string>
#include <vector>

#include "persistence/batch_store.hpp"
#include "persistence/secret_ops.hpp"

namespace auraos::persistence {

/// One stored sealed value.
struct sealed_value {
  sealed_owner owner = sealed_owner::execution;  ///< Its table.
  std::string id;                                ///< The row's id (the associated data).
  std::string sealed;                            ///< `v1:<kid>:<nonce>:<ciphertext>`.
};

/// Sealed secrets: a read for key rotation, and writes as reseal_op through `commit`.
class secret_store : public virtual batch_store {
 public:
  /// Up to `limit` stored sealed values whose key is not `key_id` (executions first).
  virtual store_result<std::vector<sealed_value>> sealed_not_under(const std::string& key_id,
                                                                   std::int64_t limit) = 0;
  /// Applies one reseal_op.
  store_status reseal(reseal_op op);
};

}  // namespace auraos::persistence
