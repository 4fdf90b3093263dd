#include "runtime/security/roles.hpp"

#include <algorithm>

namespace auraos::runtime::security {
namespace {

constexpr std::size_t max_role_name = 64;

permission_set operator_permissions() {
  auto set = all_permissions();
  set.erase(permission::admin);
  return set;
}

bool role_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

const std::vector<role>& builtin_roles() {
  static const std::vector<role> roles{
      {"admin", {permission::admin}},
      {"operator", operator_permissions()},
      {"viewer",
       {permission::workflow_read, permission::task_read, permission::event_read,
        permission::cluster_read}},
  };
  return roles;
}

const role* find_builtin_role(std::string_view name) {
  for (const auto& r : builtin_roles())
    if (r.name == name) return &r;
  return nullptr;
}

result<role, std::string> make_custom_role(std::string name, permission_set permissions) {
  if (name.empty() || name.size() > max_role_name)
    return fail("role name '" + name + "' must have 1 to 64 characters");
  if (!std::all_of(name.begin(), name.end(), role_name_char))
    return fail("role name '" + name + "' may only hold a-z, 0-9, '_' and '-'");
  if (find_builtin_role(name)) return fail("role name '" + name + "' is a built-in role's");
  if (permissions.empty()) return fail("role '" + name + "' grants no permission");
  return role{std::move(name), std::move(permissions)};
}

std::optional<permission_set> role_permissions(std::string_view name,
                                               const std::vector<role>& custom) {
  if (const auto* r = find_builtin_role(name)) return r->permissions;
  for (const auto& r : custom)
    if (r.name == name) return r.permissions;
  return std::nullopt;
}

}  // namespace auraos::runtime::security
