#include "runtime/cluster/lease_clock.hpp"

namespace auraos::runtime::cluster {

lease_clock::lease_clock(const cluster_settings& settings)
    : lease_(settings.lease), heartbeat_(settings.heartbeat) {}

void lease_clock::renewed(time_point started) {
  if (!last_start_ || started > *last_start_) last_start_ = started;
}

std::optional<time_point> lease_clock::valid_until() const {
  if (!last_start_) return std::nullopt;
  return *last_start_ + lease_ - heartbeat_ / 2;
}

bool lease_clock::expired(time_point now) const {
  auto until = valid_until();
  return !until || now >= *until;
}

bool lease_clock::must_renew(time_point now) const {
  return !last_start_ || now >= *last_start_ + heartbeat_;
}

}  // namespace auraos::runtime::cluster
