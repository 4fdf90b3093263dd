#pragma once
// The connections of a node to the other members, and forwarding a call over them.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <caf/fwd.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "cluster/forward.hpp"

namespace auraos::cluster {

/// A member the node should be connected to.
struct member_address {
  std::string name;     ///< The member's node name.
  std::string address;  ///< Its advertised cluster address, "HOST:PORT".
  bool operator==(const member_address&) const = default;
};

/// The connection to one member, as the peers actor sees it.
struct peer_status {
  std::string name;        ///< The member's node name.
  std::string address;     ///< Its cluster address.
  bool connected = false;  ///< Whether its endpoint is connected now.
  std::string last_error;  ///< Why the last connection attempt failed or the connection ended.
};

/// Timing of the peers actor.
struct peers_options {
  std::string self_name;                            ///< Skipped in member lists.
  std::chrono::milliseconds forward_timeout{5000};  ///< forwardTimeoutMs.
  std::chrono::milliseconds connect_timeout{2000};  ///< One connection attempt at most.
  std::chrono::milliseconds first_retry{100};       ///< Backoff after the first failure...
  std::chrono::milliseconds max_retry{2000};        ///< ...doubling up to this.
};

/// Keeps one connection per member, reconnects with backoff, forwards calls.
/// - members: the complete member list (self skipped); members not in it are dropped. Of two
///   nodes, the one whose name sorts first dials (with backoff) and says hello; the other
///   waits for that hello (see endpoint_actor).
/// - forward: the named member's answer; `unavailable` naming it when it is not a member, not
///   connected, its connection goes down while the call is pending (at once), or it does not
///   answer within forward_timeout.
/// - get: the connection of every member.
/// - hello: a node that dialed us, with its endpoint (from our endpoint).
/// - put: our own endpoint, sent in our hellos (start_transport sends it).
/// - retry: internal (the backoff timer).
/// Stop it with an exit message (it ends its connecting actors first).
using peers_actor = caf::typed_actor<
    caf::reacts_to<members_atom, std::vector<member_address>>,
    caf::replies_to<forward_atom, std::string, v1::ForwardRequest>::with<forward_reply>,
    caf::replies_to<caf::get_atom>::with<std::vector<peer_status>>,
    caf::replies_to<hello_atom, std::string, caf::actor>::with<caf::ok_atom>,
    caf::reacts_to<caf::put_atom, endpoint_actor>,
    caf::reacts_to<retry_atom, std::string, std::uint64_t>>;

/// Spawns the peers actor of a system built with configure_transport.
peers_actor spawn_peers(caf::actor_system& system, peers_options options);

/// Inspects a member address.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, member_address& x) {
  return f(caf::meta::type_name("member_address"), x.name, x.address);
}

/// Inspects a peer status.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, peer_status& x) {
  return f(caf::meta::type_name("peer_status"), x.name, x.address, x.connected, x.last_error);
}

}  // namespace auraos::cluster
