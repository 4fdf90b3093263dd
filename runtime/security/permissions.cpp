#include "runtime/security/permissions.hpp"

#include <array>
#include <utility>

#include "runtime/enum_names.hpp"

namespace auraos::runtime::security {
namespace {

constexpr std::array<std::pair<permission, std::string_view>, 11> permission_names{{
    {permission::workflow_read, "workflow:read"},
    {permission::workflow_write, "workflow:write"},
    {permission::execution_start, "execution:start"},
    {permission::execution_control, "execution:control"},
    {permission::task_read, "task:read"},
    {permission::task_write, "task:write"},
    {permission::task_all, "task:*"},
    {permission::event_publish, "event:publish"},
    {permission::event_read, "event:read"},
    {permission::cluster_read, "cluster:read"},
    {permission::admin, "admin"},
}};

/// "workflow:read, workflow:write, ..., admin": the names an error message offers.
std::string known_names() {
  std::string names;
  for (const auto& [p, name] : permission_names) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

bool is_task_permission(permission p) {
  return p == permission::task_read || p == permission::task_write;
}

}  // namespace

std::string_view to_string(permission p) {
  return name_of(permission_names, p);
}

result<permission, std::string> parse_permission(std::string_view text) {
  if (auto p = key_of<permission>(permission_names, text)) return *p;
  return fail("unknown permission '" + std::string(text) + "' (expected one of " + known_names() +
              ")");
}

const permission_set& all_permissions() {
  static const permission_set all = [] {
    permission_set set;
    for (const auto& [p, name] : permission_names) set.insert(p);
    return set;
  }();
  return all;
}

bool allows(const permission_set& granted, permission needed) {
  if (granted.count(permission::admin) || granted.count(needed)) return true;
  return is_task_permission(needed) && granted.count(permission::task_all);
}

}  // namespace auraos::runtime::security
