#pragma once
// Whether a cluster member is alive, judged from its heartbeat's age by the database's clock.

#include <chrono>
#include <string_view>

#include "runtime/cluster/cluster_settings.hpp"

namespace auraos::runtime::cluster {

/// A member's status as `GET /api/v1/cluster` shows it.
enum class member_status { up, suspect, down };

/// `down` when the member left or its heartbeat is older than `leaseMs` (its leases have
/// expired), `suspect` when older than twice `heartbeatMs`, else `up`.
member_status member_status_of(std::chrono::milliseconds heartbeat_age, bool left,
                               const cluster_settings& settings);

/// "up", "suspect" or "down".
std::string_view to_string(member_status status);

/// True for `up` and `suspect`: the member still counts when shards are spread.
bool is_live(member_status status);

}  // namespace auraos::runtime::cluster
