#pragma once
// Stored users (the seed's `users` table with the columns of sign-in) and custom roles
// (`roles`): who may sign in, and what each role allows (runtime/security/roles.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace auraos::persistence {

/// One user of the node.
struct user_record {
  std::string id;               ///< UUID text; the store makes one when empty.
  std::string username;         ///< Unique, case-sensitive.
  std::string password_hash;    ///< An argon2id encoded hash (runtime/crypto/password_hash.hpp).
  std::string role;             ///< A built-in or custom role's name.
  bool disabled = false;        ///< A disabled user neither signs in nor uses its tokens.
  std::int64_t created_at = 0;  ///< ms since the epoch (stamped by the store on creation).
  std::int64_t updated_at = 0;  ///< ms since the epoch (stamped by the store on each change).
};

/// A change of a user's mutable fields; absent fields stay as they are.
struct user_update {
  std::string id;                            ///< The user.
  std::optional<std::string> role;           ///< New role name.
  std::optional<std::string> password_hash;  ///< New argon2id hash.
  std::optional<bool> disabled;              ///< Disable or enable.
};

/// One custom role (the built-in ones are not stored).
struct role_record {
  std::string name;                      ///< Primary key.
  std::vector<std::string> permissions;  ///< Permission names, e.g. "workflow:read".
  std::int64_t created_at = 0;           ///< ms since the epoch (kept when replaced).
  std::int64_t updated_at = 0;           ///< ms since the epoch (stamped on each put).
};

}  // namespace auraos::persistence
