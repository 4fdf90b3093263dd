#pragma once
// Forwarding a call to the node that owns it: the atoms, the handler a node answers with, and
// what a caller gets back.

#include <string>

#include <caf/atom.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/wire.hpp"
#include "messages/cluster.pb.h"
#include "runtime/error.hpp"
#include "runtime/result.hpp"

namespace auraos::cluster {

/// Asks for a call to be answered by the node that owns it.
using forward_atom = caf::atom_constant<caf::atom("forward")>;
/// Tells the peers actor the current members.
using members_atom = caf::atom_constant<caf::atom("members")>;
/// The peers actor's own retry timer (internal).
using retry_atom = caf::atom_constant<caf::atom("retry")>;
/// A dialing node introduces itself and its endpoint to the node it connected to.
using hello_atom = caf::atom_constant<caf::atom("hello")>;

/// Answers one forwarded call on the owning node. The endpoint hands every incoming call to
/// the handler given at spawn; the executions side implements it.
using forward_handler =
    caf::typed_actor<caf::replies_to<forward_atom, v1::ForwardRequest>::with<v1::ForwardReply>>;

/// The actor a node publishes on its cluster port: answers forwarded calls (through the
/// handler), and takes the hello of a node that connected to it (handed to its peers actor).
/// Between two nodes only the one whose name sorts first dials, so there is one connection:
/// CAF 0.17 drops both when two nodes connect to each other at the same time.
using endpoint_actor =
    caf::typed_actor<caf::replies_to<forward_atom, v1::ForwardRequest>::with<v1::ForwardReply>,
                     caf::replies_to<hello_atom, std::string, caf::actor>::with<caf::ok_atom>>;

/// Why a forwarded call got no answer from its owner.
struct forward_failure {
  errc code = errc::unavailable;  ///< `unavailable` (not a member, not connected, gone, late).
  std::string message;            ///< Names the node and what happened.
  bool operator==(const forward_failure&) const = default;
};

/// The owner's answer, or why there is none.
using forward_reply = result<v1::ForwardReply, forward_failure>;

/// Inspects a forward failure.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, forward_failure& x) {
  return f(caf::meta::type_name("forward_failure"), x.code, x.message);
}

}  // namespace auraos::cluster
