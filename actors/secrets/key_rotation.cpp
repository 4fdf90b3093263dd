// The key rotation actor: checks the key file every interval; re-seals stored secret values
// that are not sealed under the current key, one batch per write request.
#include "actors/secrets/key_rotation.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <caf/all.hpp>

#include "actors/env.hpp"
#include "runtime/crypto/secret_keys.hpp"

namespace auraos::actors::secrets {
namespace {

namespace p = persistence;

/// How long one store request may take.
constexpr std::chrono::seconds store_timeout{60};

struct rotation_state {
  rotation_state() = default;
  store::store_actor store;
  key_rotation_options options;
  /// A pass is due: at start, after the current key changed, after a failed pass.
  bool pending = true;
  /// A pass runs now (ticks meanwhile only check the file).
  bool running = false;
  /// The current key changed since the last pass ended: its end is logged even with nothing
  /// to re-seal.
  bool rotated = false;
  /// The key the last batch looked for (a pass that ended under an older key runs again).
  std::string batch_key;
  /// Values re-sealed by the pass that runs now.
  std::int64_t resealed = 0;
  /// Rows of this pass whose value cannot be opened (left as they are).
  std::set<std::string> unopened;
  /// The last problem logged about the key file (logged once until it changes).
  std::string file_problem;
};

using rotation_actor = caf::stateful_actor<rotation_state>;

void schedule_tick(rotation_actor* self) {
  self->state.options.env->send_after(self, self->state.options.check_interval,
                                      rotation_tick_atom::value);
}

/// Ends the pass: logs what it did; a failed pass is tried again at the next tick.
void end_pass(rotation_actor* self, bool failed) {
  auto& s = self->state;
  auto key = s.options.keys->current_id();
  if (s.resealed > 0 || !s.unopened.empty())
    spdlog::info("secrets: {} stored secret value(s) re-sealed under key {}{}", s.resealed, key,
                 s.unopened.empty() ? ""
                                    : fmt::format("; {} cannot be opened with the key file "
                                                  "and keep their old key",
                                                  s.unopened.size()));
  // The key changed during the last read: the next tick runs the pass again.
  bool done = !failed && s.batch_key == key;
  if (done && s.unopened.empty() && (s.rotated || s.resealed > 0))
    spdlog::info("secrets: every stored secret value is sealed under key {}", key);
  if (done) s.rotated = false;
  s.running = false;
  s.pending = !done;
}

/// The reseal operations of one batch (values that cannot be opened are remembered instead).
std::vector<p::write_op> reseal_ops(rotation_actor* self,
                                    const std::vector<p::sealed_value>& rows) {
  auto& s = self->state;
  std::vector<p::write_op> ops;
  for (const auto& row : rows) {
    if (s.unopened.count(row.id)) continue;
    auto plain = s.options.keys->open(row.sealed, row.id);
    std::string problem = plain ? std::string{} : plain.error();
    if (plain) {
      auto sealed = s.options.keys->seal(*plain, row.id);
      if (sealed) {
        ops.push_back(p::reseal_op{row.owner, row.id, row.sealed, std::move(*sealed)});
        continue;
      }
      problem = sealed.error();
    }
    spdlog::warn("secrets: the value of {} cannot be re-sealed: {}", row.id, problem);
    s.unopened.insert(row.id);
  }
  return ops;
}

void next_batch(rotation_actor* self);

/// Stores one batch of re-sealed values, then reads the next.
void write_batch(rotation_actor* self, std::vector<p::write_op> ops) {
  auto count = static_cast<std::int64_t>(ops.size());
  p::write_request write{std::move(ops)};
  self->request(self->state.store, store_timeout, std::move(write))
      .then(
          [self, count](p::write_outcome& outcome) {
            if (!outcome) {
              spdlog::warn("secrets: re-sealing failed: {}", outcome.error().message);
              return end_pass(self, true);
            }
            self->state.resealed += count;
            next_batch(self);
          },
          [self](caf::error& error) {
            spdlog::warn("secrets: re-sealing failed: {}", self->system().render(error));
            end_pass(self, true);
          });
}

void next_batch(rotation_actor* self) {
  auto& s = self->state;
  auto found = std::make_shared<std::vector<p::sealed_value>>();
  auto key = s.options.keys->current_id();
  s.batch_key = key;
  auto limit = s.options.batch + static_cast<std::int64_t>(s.unopened.size());
  store::secret_read read{[found, key, limit](p::secret_store& db) -> p::store_status {
    auto rows = db.sealed_not_under(key, limit);
    if (!rows) return fail(std::move(rows).error());
    *found = std::move(*rows);
    return std::monostate{};
  }};
  self->request(s.store, store_timeout, std::move(read))
      .then(
          [self, found](p::store_status& status) {
            if (!status) {
              spdlog::warn("secrets: reading the sealed values failed: {}", status.error().message);
              return end_pass(self, true);
            }
            auto ops = reseal_ops(self, *found);
            if (ops.empty()) return end_pass(self, false);
            write_batch(self, std::move(ops));
          },
          [self](caf::error& error) {
            spdlog::warn("secrets: reading the sealed values failed: {}",
                         self->system().render(error));
            end_pass(self, true);
          });
}

/// Reads the key file again when it changed; starts a pass when one is due.
void on_tick(rotation_actor* self) {
  auto& s = self->state;
  schedule_tick(self);
  auto changed = s.options.keys->reload_if_changed();
  if (!changed && changed.error() != s.file_problem) {
    s.file_problem = changed.error();
    spdlog::error("secrets: the key file changed but cannot be used (the old keys stay): {}",
                  s.file_problem);
  }
  if (changed) s.file_problem.clear();
  if (changed && *changed) {
    spdlog::info("secrets: the current key is now {}", s.options.keys->current_id());
    s.pending = true;
    s.rotated = true;
  }
  if (!s.pending || s.running) return;
  s.running = true;
  s.resealed = 0;
  s.unopened.clear();
  next_batch(self);
}

caf::behavior key_rotation(rotation_actor* self, store::store_actor store,
                           key_rotation_options options) {
  options.env = env_or_real(options.env);
  self->state.store = std::move(store);
  self->state.options = std::move(options);
  on_tick(self);
  return {[self](rotation_tick_atom) { on_tick(self); }};
}

}  // namespace

supervision::child_spec key_rotation_child(store::store_actor store, key_rotation_options options) {
  supervision::child_spec spec;
  spec.name = "key-rotation";
  spec.kind = "service";
  spec.start = [store, options](caf::local_actor* parent) {
    return caf::actor_cast<caf::actor>(parent->spawn(key_rotation, store, options));
  };
  return spec;
}

}  // namespace auraos::actors::secrets
