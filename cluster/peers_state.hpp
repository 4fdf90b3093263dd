#pragma once
// The state of the peers actor (internal to cluster/peers*.cpp).

#include <cstdint>
#include <map>
#include <string>

#include <caf/io/middleman_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "cluster/address.hpp"
#include "cluster/endpoint.hpp"
#include "cluster/peers.hpp"

namespace auraos::cluster::detail {

/// One member: its address, its endpoint when connected, and the calls waiting for it.
struct peer {
  peer() = default;
  std::string address;                ///< As given ("HOST:PORT").
  std::optional<host_port> target;    ///< Parsed; none when malformed.
  endpoint_actor endpoint;            ///< Invalid while not connected.
  bool connecting = false;            ///< A connect request is out.
  std::uint64_t generation = 0;       ///< Answers and timers of an older generation are stale.
  std::chrono::milliseconds backoff;  ///< The next retry delay.
  std::string last_error;             ///< Why it is not connected.
  std::uint64_t failures = 0;         ///< Failed attempts since the last connection.
  /// Forwarded calls waiting for an answer, by request number.
  std::map<std::uint64_t, caf::typed_response_promise<forward_reply>> pending;
};

/// The peers actor's state.
struct peers_state {
  peers_state() = default;
  peers_options options;
  caf::io::middleman_actor connector;  ///< Connects (over TLS when configured).
  std::map<std::string, peer> peers;   ///< By member name.
  std::uint64_t next_generation = 1;
  std::uint64_t next_request = 1;
};

}  // namespace auraos::cluster::detail
