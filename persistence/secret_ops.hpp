#pragma once
// The write operation of sealed secrets (secret_store.hpp): re-sealing a stored value under
// the current key when keys rotate.

#include <cstdint>
#include <string>

namespace auraos::persistence {

/// Which table holds a sealed value (its `secrets` column).
enum class sealed_owner : std::uint8_t {
  execution,  ///< workflow_executions: the secret input values.
  task,       ///< tasks: the secret config values.
};

/// Replaces the sealed value of one row by `to` (the same secrets sealed under another key)
/// if it is still `from`; a row changed or deleted meanwhile is left alone. Result: nothing.
struct reseal_op {
  sealed_owner owner = sealed_owner::execution;  ///< Its table.
  std::string id;                                ///< The row's id.
  std::string from;                              ///< The sealed text read.
  std::string to;                                ///< The sealed text to store.
};

}  // namespace auraos::persistence
