#pragma once
// The state of the peers actor and the steps of its connections (internal to cluster/peers*).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <caf/io/middleman_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "cluster/address.hpp"
#include "cluster/forward.hpp"
#include "cluster/peers.hpp"

namespace auraos::cluster::detail {

/// One member: its address, its endpoint when connected, and the calls waiting for it.
struct peer {
  peer() = default;
  std::string address;              ///< As given ("HOST:PORT"); "" while only its hello is known.
  std::optional<host_port> target;  ///< Parsed; none when malformed.
  caf::io::middleman_actor connector;      ///< This peer's own connecting actor (spawned lazily).
  endpoint_actor endpoint;                 ///< Invalid while not connected.
  bool connecting = false;                 ///< A connection attempt is out.
  std::uint64_t generation = 0;            ///< Answers and timers of an older generation are stale.
  std::chrono::milliseconds backoff{100};  ///< The next retry delay.
  std::string last_error;                  ///< Why it is not connected.
  std::uint64_t failures = 0;              ///< Failed attempts since the last connection.
  /// Forwarded calls waiting for an answer, by request number.
  std::map<std::uint64_t, caf::typed_response_promise<forward_reply>> pending;
};

/// The peers actor's state.
struct peers_state {
  peers_state() = default;
  peers_options options;
  endpoint_actor self_endpoint;       ///< Ours, sent in hellos.
  std::map<std::string, peer> peers;  ///< By member name.
  std::uint64_t next_generation = 1;
  std::uint64_t next_request = 1;
};

/// The peers actor.
using peers_self = peers_actor::stateful_pointer<peers_state>;

/// Whether this node dials `name` (the name that sorts first dials).
bool dials(const peers_state& state, const std::string& name);
/// Answers every call waiting for `p` with `why` and forgets them.
void fail_pending(peer& p, const std::string& why);
/// Starts a connection attempt to `name` when it is ours to dial and none is out.
void connect(peers_self self, const std::string& name);
/// Ends the connecting actor of `p` (a blocked connect finishes on its own thread).
void stop_connector(peer& p);
/// Takes the member list.
void set_members(peers_self self, const std::vector<member_address>& members);
/// Takes the hello of a node that dialed us.
void on_hello(peers_self self, const std::string& name, caf::actor remote);
/// A connection went down: fails its calls at once; redials with backoff when ours to dial.
void on_down(peers_self self, const caf::down_msg& down);

}  // namespace auraos::cluster::detail
