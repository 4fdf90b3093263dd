#pragma once
// The write operations of the lease store.

#include <cstdint>
#include <string>

namespace auraos::persistence {

/// Takes a shard for an owner and bumps its epoch, fencing out the previous holder.
struct acquire_shard_op {
  std::int64_t shard = 0;  ///< The shard.
  std::string owner;       ///< The new holder.
};

}  // namespace auraos::persistence
