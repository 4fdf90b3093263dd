#pragma once
// An actor's promises that wait for answers of its router: a responder hands each answer back to
// the actor as a message, and the actor delivers the promise in its own context (CAF-NOTES:
// promises are delivered by their actor). Used by the forwarded-call and actor-API endpoints.

#include <cstdint>
#include <map>
#include <utility>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/send.hpp>
#include <caf/typed_response_promise.hpp>

#include "gateway/responder.hpp"

namespace auraos::gateway::detail {

/// `(routed_answer_atom, call number, reply)`: a routed call's answer, from the router's thread.
using routed_answer_atom = caf::atom_constant<caf::atom("answered")>;

/// The promises of one actor, by call number.
template <class Reply>
class routed_promises {
 public:
  /// Keeps `promise`; the returned function (a responder's deliver function, callable from
  /// any thread) sends `(routed_answer_atom, number, to_reply(response))` to `owner`, whose
  /// handler calls deliver().
  template <class ToReply>
  responder::deliver_function keep(caf::typed_response_promise<Reply> promise, caf::actor owner,
                                   ToReply to_reply) {
    auto number = next_++;
    waiting_.emplace(number, std::move(promise));
    return [owner = std::move(owner), number, to_reply](http_response response) {
      caf::anon_send(owner, routed_answer_atom::value, number, to_reply(std::move(response)));
    };
  }

  /// Delivers `reply` to the promise of call `number` (once; unknown numbers are ignored).
  void deliver(std::uint64_t number, Reply& reply) {
    auto it = waiting_.find(number);
    if (it == waiting_.end()) return;
    it->second.deliver(std::move(reply));
    waiting_.erase(it);
  }

 private:
  std::uint64_t next_ = 0;
  std::map<std::uint64_t, caf::typed_response_promise<Reply>> waiting_;
};

}  // namespace auraos::gateway::detail
