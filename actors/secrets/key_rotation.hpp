#pragma once
// Key rotation of the secrets at rest: a supervised actor that watches the node's key file
// (read again when it changes, e.g. after `auraos keys rotate`) and, at start and whenever the
// current key changed, re-seals every stored secret value under the current key in batches
// (docs/security.md, "Secrets and key rotation").

#include <chrono>
#include <cstdint>
#include <memory>

#include <caf/atom.hpp>

#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"

namespace auraos::runtime::crypto {
class secret_keys;
}  // namespace auraos::runtime::crypto

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::secrets {

/// `(rotation_tick_atom)`: checks the key file (and re-seals when needed); sent to itself.
using rotation_tick_atom = caf::atom_constant<caf::atom("keytick")>;

/// How the key rotation actor runs.
struct key_rotation_options {
  /// Clock and timers (null: the real ones).
  std::shared_ptr<actors::env> env;
  /// The node's secrets key ring (required).
  std::shared_ptr<runtime::crypto::secret_keys> keys;
  /// How often the key file is checked for a change.
  std::chrono::milliseconds check_interval{1000};
  /// Sealed values re-sealed per write request.
  std::int64_t batch = 100;
};

/// The supervised child that runs the key rotation actor over `store`.
supervision::child_spec key_rotation_child(store::store_actor store, key_rotation_options options);

}  // namespace auraos::actors::secrets
