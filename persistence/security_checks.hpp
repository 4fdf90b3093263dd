#pragma once
// The checks and defaults of the security writes that both backends apply before they store:
// ids made when empty, required fields, the store's clock for audit entries without a time.

#include <cstdint>
#include <string_view>
#include <vector>

#include "persistence/security_ops.hpp"
#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// A user to insert: an empty id gets a random UUID. Invalid when the id is no UUID, or the
/// username, password hash or role is empty.
store_result<user_record> user_to_create(user_record user);

/// An API token to insert: an empty id gets a random UUID; invalid without a hash.
store_result<api_token_record> api_token_to_create(api_token_record token);

/// A refresh token to insert: an empty id gets a random UUID; invalid without a hash.
store_result<refresh_token_record> refresh_token_to_create(refresh_token_record token);

/// A rotation to apply: an empty next_id gets a random UUID; invalid without either hash.
store_result<rotate_refresh_token_op> rotation_to_apply(rotate_refresh_token_op op);

/// Audit entries to insert: an `at` of 0 becomes `now`, details are compacted.
std::vector<audit_record> audit_to_append(std::vector<audit_record> entries, std::int64_t now);

/// Invalid, naming `what` in `place`, when `value` is empty.
store_status require_text(std::string_view value, std::string_view what, std::string_view place);

}  // namespace auraos::persistence
