// The single-operation helper of the secret store.
#include "persistence/secret_store.hpp"

#include <utility>

namespace auraos::persistence {

store_status secret_store::reseal(reseal_op op) {
  auto done = commit_one(std::move(op));
  if (!done) return fail(std::move(done).error());
  return std::monostate{};
}

}  // namespace auraos::persistence
