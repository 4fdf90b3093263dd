#pragma once
// Whether the store's database is usable: the outage's reason and length, the probe backoff.

#include <chrono>
#include <optional>
#include <string>

#include "runtime/supervision/intensity.hpp"

namespace auraos::actors::store {

/// The store actor's view of its database: up, or down since a moment for a reason.
class store_health {
 public:
  /// First delay between two probes of a database that is down.
  static constexpr std::chrono::milliseconds first_probe_delay{50};
  /// Longest delay between two probes: recovery is seen within this plus one probe.
  static constexpr std::chrono::milliseconds max_probe_delay{500};

  /// A healthy store whose outages are timed with `clock` (the real env's when empty).
  explicit store_health(runtime::supervision::clock_source clock = {});

  /// True unless the last probe or write found the database unavailable.
  bool up() const noexcept { return !down_since_; }
  /// Why the database is down (the last failure's message); empty while up.
  const std::string& reason() const noexcept { return reason_; }

  /// Records a failure; true when it turns a healthy store down (the moment to log).
  bool mark_down(std::string reason);
  /// Records a success; the outage's length when it ends one (the moment to log).
  std::optional<std::chrono::milliseconds> mark_up();
  /// The delay before the next probe while down: doubles from the first to the max delay.
  std::chrono::milliseconds next_probe_delay();

 private:
  runtime::supervision::clock_source clock_;
  std::optional<std::chrono::steady_clock::time_point> down_since_;
  std::string reason_;
  std::chrono::milliseconds probe_delay_{0};
};

}  // namespace auraos::actors::store
