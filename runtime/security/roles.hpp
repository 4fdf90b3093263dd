#pragma once
// Roles: named permission sets. Three are built in; administrators define the others.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/result.hpp"
#include "runtime/security/permissions.hpp"

namespace auraos::runtime::security {

/// A named set of permissions: a built-in role or one an administrator defined.
struct role {
  std::string name;            ///< e.g. "operator" or "deployer".
  permission_set permissions;  ///< What the role grants.
};

/// The built-in roles: `admin` (everything), `operator` (everything but `admin`) and `viewer`
/// (the `:read` permissions).
const std::vector<role>& builtin_roles();

/// The built-in role named `name`, or nullptr.
const role* find_builtin_role(std::string_view name);

/// A custom role, checked: its name has 1 to 64 characters from [a-z0-9_-] and is not a
/// built-in role's, and it grants at least one permission. The error says which rule failed.
result<role, std::string> make_custom_role(std::string name, permission_set permissions);

/// The permissions of the role named `name`: a built-in role's, else the custom one's in
/// `custom`; nullopt when neither has that name.
std::optional<permission_set> role_permissions(std::string_view name,
                                               const std::vector<role>& custom);

}  // namespace auraos::runtime::security
