// The revocation poller actor.

#include "gateway/auth/revocation_poller.hpp"

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "actors/store/security_read.hpp"
#include "gateway/auth/authenticator.hpp"
#include "gateway/detail/ask.hpp"

namespace auraos::gateway::auth {
namespace {

namespace p = persistence;

/// Revocations read per poll at most (more wait for the next poll, which comes at once).
constexpr std::int64_t poll_batch = 1000;
/// Polls between two looks at the key file.
constexpr int polls_per_key_check = 4;
/// Polls between two prunes of expired revocations.
constexpr int polls_per_prune = 240;

void poll(caf::event_based_actor* self, std::shared_ptr<node_context> node, int count) {
  auto checks = node->authenticator();
  auto store = node->store();
  auto again = [self, node, count](std::chrono::milliseconds wait) {
    self->delayed_send(self, wait, caf::tick_atom::value, count + 1);
  };
  if (!checks) return;
  auto interval = checks->settings().revocation_poll;
  if (!store) return again(interval);
  // The key file may have a new signing key (`auraos keys rotate --purpose signing`).
  if (count % polls_per_key_check == 0) {
    auto reloaded = checks->reload_signing();
    if (!reloaded)
      spdlog::error("auth: {}; the signing keys stay as they were", reloaded.error());
    else if (*reloaded)
      spdlog::info("auth: signing key {} is current", checks->signing()->current_id());
  }
  if (count % polls_per_prune == polls_per_prune - 1) {
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    caf::anon_send(store, p::write_request{{p::prune_revocations_op{now}}});
  }
  auto found = std::make_shared<std::vector<p::revocation_record>>();
  auto after = checks->last_revocation_seq();
  actors::store::security_read read{[found, after](p::security_store& db) -> p::store_status {
    auto rows = db.revocations_after(after, poll_batch);
    if (!rows) return fail(rows.error());
    *found = std::move(*rows);
    return {};
  }};
  self->request(store, detail::ask_timeout, std::move(read))
      .then(
          [checks, found, again, interval](p::store_status& status) {
            if (status) checks->apply(*found);
            bool more = status && static_cast<std::int64_t>(found->size()) == poll_batch;
            again(more ? std::chrono::milliseconds(0) : interval);
          },
          [again, interval](caf::error&) { again(interval); });
}

}  // namespace

caf::actor spawn_revocation_poller(const std::shared_ptr<node_context>& node) {
  return node->system().spawn([node](caf::event_based_actor* self) -> caf::behavior {
    self->send(self, caf::tick_atom::value, 0);
    return {[self, node](caf::tick_atom, int count) { poll(self, node, count); }};
  });
}

}  // namespace auraos::gateway::auth
