#pragma once
// Reads and writes of the security store from HTTP handlers, through the store actor
// (actors/store/security_read.hpp for reads, write_request for writes): callbacks run on a
// short-lived asker actor, never on an io thread; a store error answers through `respond`.

#include <memory>
#include <utility>

#include "actors/store/security_read.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/auth/authenticator.hpp"
#include "gateway/node_context.hpp"

namespace auraos::gateway::auth {

/// Runs `read(security_store&) -> store_result<T>` on the store's thread, then `on_value(T&)`;
/// a store error answers with its status (404 not_found, 503 unavailable...).
template <class T, class Read, class OnValue>
void read_security(const std::shared_ptr<node_context>& node, responder respond, Read read,
                   OnValue on_value) {
  auto store = node->store();
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    auto out = std::make_shared<persistence::store_result<T>>(
        fail(persistence::store_error{persistence::store_errc::internal, "no answer"}));
    actors::store::security_read message{[out, read](persistence::security_store& db) {
      *out = read(db);
      if (*out || out->error().code != persistence::store_errc::unavailable)
        return persistence::store_status{};
      return persistence::store_status{fail(out->error())};
    }};
    detail::ask_from<persistence::store_status>(
        self, store, respond,
        [out, respond, on_value](persistence::store_status&) mutable {
          if (!*out)
            respond(error_response(store_api_error(out->error())));
          else
            on_value(**out);
        },
        std::move(message));
  });
}

/// Commits `ops` in one transaction, then `on_done(results)` with the op results in order; a
/// store error answers with its status. Revocations among `ops` take effect on this node at
/// once (the others read them at their next poll).
template <class OnDone>
void write_security(const std::shared_ptr<node_context>& node, responder respond,
                    std::vector<persistence::write_op> ops, OnDone on_done) {
  auto store = node->store();
  std::vector<persistence::revoke_token_op> revoked;
  for (const auto& op : ops)
    if (const auto* each = std::get_if<persistence::revoke_token_op>(&op)) revoked.push_back(*each);
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    detail::ask_from<persistence::write_outcome>(
        self, store, respond,
        [node, revoked, respond, on_done](persistence::write_outcome& outcome) mutable {
          if (!outcome) {
            respond(error_response(store_api_error(outcome.error())));
            return;
          }
          if (auto checks = node->authenticator())
            for (const auto& each : revoked) checks->revoke_now(each.token_id, each.expires_at);
          on_done(*outcome);
        },
        persistence::write_request{std::move(ops)});
  });
}

}  // namespace auraos::gateway::auth
