#include "runtime/security/keyed_limiter.hpp"

#include <algorithm>

namespace auraos::runtime::security {

keyed_limiter::keyed_limiter(double capacity, double refill_per_second, std::size_t max_keys)
    : capacity_(capacity),
      rate_(refill_per_second),
      max_keys_(std::max<std::size_t>(max_keys, 1)) {}

bucket_answer keyed_limiter::try_take(std::string_view key, steady_time now, double n) {
  return bucket_of(key).try_take(now, n);
}

bool keyed_limiter::holds(std::string_view key) const {
  return index_.count(std::string(key)) > 0;
}

token_bucket& keyed_limiter::bucket_of(std::string_view key) {
  std::string name(key);
  if (auto found = index_.find(name); found != index_.end()) {
    order_.splice(order_.begin(), order_, found->second);
    return found->second->second;
  }
  if (order_.size() >= max_keys_) {
    index_.erase(order_.back().first);
    order_.pop_back();
  }
  order_.emplace_front(name, token_bucket(capacity_, rate_));
  index_.emplace(std::move(name), order_.begin());
  return order_.front().second;
}

}  // namespace auraos::runtime::security
