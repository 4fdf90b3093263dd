#pragma once
// The node's key file: the key ring that signs access tokens and the key ring that seals
// secrets at rest, kept apart from the database (a stolen database or backup then holds no key).
// Every node of a cluster is given the same file. Format (JSON, mode 0600):
//   {"signing": {"current": "s1", "keys": {"s1": "<base64url>"}},
//    "secrets": {"current": "k1", "keys": {"k1": "<base64url>"}}}

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/crypto/key_ring.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::crypto {

/// The two key rings of a node.
struct node_keys {
  key_ring signing;  ///< HMAC-SHA256 keys of access tokens (runtime/crypto/jwt.hpp).
  key_ring secrets;  ///< AES-256-GCM keys of secrets at rest (runtime/crypto/secret_box.hpp).
};

/// Which ring of the file.
enum class key_purpose : std::uint8_t { signing, secrets };

/// The key rings of the file's text, or why it is not a key file (naming the field).
result<node_keys, std::string> parse_node_keys(std::string_view json_text);

/// The file's text of `keys` (what save_node_keys writes).
std::string node_keys_json(const node_keys& keys);

/// A fresh pair of rings, one random 32-byte key each ("s1" and "k1").
node_keys generate_node_keys();

/// The key rings of the file at `path`, or why it cannot be read (naming the path).
result<node_keys, std::string> load_node_keys(const std::string& path);

/// The key rings of `path`; when the file does not exist, fresh keys written there first
/// (mode 0600, created with the directories above it).
result<node_keys, std::string> load_or_create_node_keys(const std::string& path);

/// Writes `keys` to `path` atomically (a temporary file renamed over it), mode 0600; why it
/// could not, or nullopt when written.
std::optional<std::string> save_node_keys(const std::string& path, const node_keys& keys);

/// `keys` with a new random key added to the `purpose` ring and made current; the older keys
/// stay to verify and open what they made. The new id is the next free "s<N>" or "k<N>".
node_keys with_rotated_key(const node_keys& keys, key_purpose purpose);

}  // namespace auraos::runtime::crypto
