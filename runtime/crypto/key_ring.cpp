#include "runtime/crypto/key_ring.hpp"

#include <algorithm>

namespace auraos::runtime::crypto {
namespace {

constexpr std::size_t max_id_length = 64;

bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

bool valid_id(const std::string& id) {
  return !id.empty() && id.size() <= max_id_length && std::all_of(id.begin(), id.end(), id_char);
}

}  // namespace

result<key_ring, std::string> key_ring::make(std::map<std::string, std::string> keys,
                                             std::string current_id) {
  for (const auto& [id, key] : keys) {
    if (!valid_id(id))
      return fail("key id '" + id +
                  "' must have 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', '-'");
    if (key.size() < min_key_bytes)
      return fail("key '" + id + "' has " + std::to_string(key.size()) +
                  " bytes; a key needs at least " + std::to_string(min_key_bytes));
  }
  if (!keys.count(current_id))
    return fail("the current key id '" + current_id + "' is not in the key ring");
  key_ring ring;
  ring.keys_.insert(std::make_move_iterator(keys.begin()), std::make_move_iterator(keys.end()));
  ring.current_id_ = std::move(current_id);
  return ring;
}

const std::string* key_ring::find(std::string_view id) const {
  auto it = keys_.find(id);
  return it == keys_.end() ? nullptr : &it->second;
}

std::set<std::string> key_ring::ids() const {
  std::set<std::string> out;
  for (const auto& [id, key] : keys_) out.insert(id);
  return out;
}

}  // namespace auraos::runtime::crypto
