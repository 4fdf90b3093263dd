#include "runtime/crypto/sodium_start.hpp"

#include <cstdlib>

#include <sodium.h>

namespace auraos::runtime::crypto {

void start_sodium() {
  static const bool started = sodium_init() >= 0;
  if (!started) std::abort();
}

}  // namespace auraos::runtime::crypto
