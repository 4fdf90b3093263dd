#include "runtime/security/token_bucket.hpp"

#include <algorithm>
#include <cmath>

namespace auraos::runtime::security {
namespace {

/// Slack for floating-point refill sums (1e-9 token), so an exact refill is not refused.
constexpr double epsilon = 1e-9;

}  // namespace

std::int64_t bucket_answer::retry_after_seconds() const {
  if (allowed) return 0;
  auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
  return std::max<std::int64_t>(seconds, 1);
}

token_bucket::token_bucket(double capacity, double refill_per_second)
    : capacity_(std::max(capacity, 0.0)),
      rate_(std::max(refill_per_second, 0.0)),
      tokens_(capacity_) {}

double token_bucket::available(steady_time now) const {
  if (!last_ || now <= *last_) return tokens_;
  std::chrono::duration<double> elapsed = now - *last_;
  return std::min(capacity_, tokens_ + elapsed.count() * rate_);
}

bucket_answer token_bucket::try_take(steady_time now, double n) {
  n = std::max(n, 0.0);
  tokens_ = available(now);
  if (!last_ || now > *last_) last_ = now;
  if (n <= tokens_ + epsilon) {
    tokens_ = std::max(0.0, tokens_ - n);
    return {true, std::chrono::nanoseconds{0}, false};
  }
  if (n > capacity_ + epsilon || rate_ <= 0) return {false, std::chrono::nanoseconds::max(), true};
  std::chrono::duration<double> wait{(n - tokens_) / rate_};
  return {false, std::chrono::ceil<std::chrono::nanoseconds>(wait), false};
}

}  // namespace auraos::runtime::security
