#pragma once
// Key rings for the crypto tests: fixed keys by id, built or the test stops.

#include <map>
#include <string>

#include <boost/test/unit_test.hpp>

#include "runtime/crypto/key_ring.hpp"

namespace auraos::test {

/// A 32-byte key made of `c` repeated.
inline std::string key_of(char c) {
  return std::string(32, c);
}

/// A ring of `keys` (id -> key) with `current` current; stops the test when it is refused.
inline runtime::crypto::key_ring ring(std::map<std::string, std::string> keys,
                                      const std::string& current) {
  auto made = runtime::crypto::key_ring::make(std::move(keys), current);
  if (!made) BOOST_FAIL(made.error());
  return std::move(made).value();
}

}  // namespace auraos::test
