#pragma once
// A node's own view of whether its leases are still valid, on its local monotonic clock: a
// renewal that started at t0 and succeeded keeps them valid until `t0 + lease - margin` (the
// database set `expires_at = db_now + lease` with db_now later than t0; margin = heartbeat/2).

#include <chrono>
#include <optional>

#include "runtime/cluster/cluster_settings.hpp"
#include "runtime/cluster/local_time.hpp"

namespace auraos::runtime::cluster {

/// When this node's leases stop being valid, from the renewals that succeeded.
class lease_clock {
 public:
  /// A clock for `settings.lease` and `settings.heartbeat`; expired until the first renewal.
  explicit lease_clock(const cluster_settings& settings);

  /// Records a renewal that started at `started` and succeeded (an older one changes nothing).
  void renewed(time_point started);

  /// When the leases stop being valid locally; none before the first renewal.
  std::optional<time_point> valid_until() const;

  /// True when the leases are no longer valid at `now` (or were never renewed).
  bool expired(time_point now) const;

  /// True when a renewal is due at `now`: none started yet, or a heartbeat since the last one.
  bool must_renew(time_point now) const;

 private:
  std::chrono::milliseconds lease_;
  std::chrono::milliseconds heartbeat_;
  std::optional<time_point> last_start_;
};

}  // namespace auraos::runtime::cluster
