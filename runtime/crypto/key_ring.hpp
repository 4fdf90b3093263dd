#pragma once
// Secret keys by key id, one of them current: new signatures and ciphertexts use the current
// key; older keys stay to verify and decrypt what they made until they are removed (rotation).

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace auraos::runtime::crypto {

/// A checked set of secret keys with one current key.
class key_ring {
 public:
  /// The fewest bytes a key may have (256 bits).
  static constexpr std::size_t min_key_bytes = 32;

  /// A ring of `keys` (id -> secret bytes) with `current_id` current. Refused when an id is not
  /// 1 to 64 characters of [A-Za-z0-9._-], a key is shorter than `min_key_bytes`, or
  /// `current_id` is not one of the ids; the error says which.
  static result<key_ring, std::string> make(std::map<std::string, std::string> keys,
                                            std::string current_id);

  /// The id of the key new signatures and ciphertexts use.
  const std::string& current_id() const { return current_id_; }

  /// The current key's bytes.
  const std::string& current_key() const { return keys_.at(current_id_); }

  /// The bytes of the key `id`, or nullptr when the ring does not hold it.
  const std::string* find(std::string_view id) const;

  /// The ids of every key in the ring.
  std::set<std::string> ids() const;

 private:
  key_ring() = default;

  std::map<std::string, std::string, std::less<>> keys_;
  std::string current_id_;
};

}  // namespace auraos::runtime::crypto
