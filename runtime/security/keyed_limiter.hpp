#pragma once
// Token buckets by key (an access token's id, a client address), bounded in number: a flood of
// new keys evicts the least recently used bucket instead of growing memory.

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "runtime/security/token_bucket.hpp"

namespace auraos::runtime::security {

/// One bucket per key, all with the same capacity and refill, at most `max_keys` of them.
class keyed_limiter {
 public:
  /// Buckets of `capacity` tokens refilled at `refill_per_second`, for at most `max_keys` keys
  /// (at least 1).
  keyed_limiter(double capacity, double refill_per_second, std::size_t max_keys);

  /// Takes `n` tokens from `key`'s bucket at `now`; a new key gets a full bucket, evicting the
  /// least recently used key when `max_keys` are held.
  bucket_answer try_take(std::string_view key, steady_time now, double n = 1);

  /// How many keys have a bucket.
  std::size_t size() const { return order_.size(); }

  /// True when `key` has a bucket (it was used and not evicted since).
  bool holds(std::string_view key) const;

 private:
  using entry = std::pair<std::string, token_bucket>;

  /// `key`'s bucket, made (and the oldest evicted) if needed, marked most recently used.
  token_bucket& bucket_of(std::string_view key);

  double capacity_;
  double rate_;
  std::size_t max_keys_;
  std::list<entry> order_;  ///< Most recently used first.
  std::unordered_map<std::string, std::list<entry>::iterator> index_;
};

}  // namespace auraos::runtime::security
