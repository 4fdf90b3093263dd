#pragma once
// What a caller may do: one permission per resource and action, `task:*` over the task
// permissions and `admin` over everything.

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace auraos::runtime::security {

/// One action on one kind of resource, as a role or a token grants it.
enum class permission : std::uint8_t {
  workflow_read,      ///< "workflow:read"
  workflow_write,     ///< "workflow:write"
  execution_start,    ///< "execution:start"
  execution_control,  ///< "execution:control" (pause, resume, cancel, signal)
  task_read,          ///< "task:read"
  task_write,         ///< "task:write"
  task_all,           ///< "task:*": every task permission
  event_publish,      ///< "event:publish"
  event_read,         ///< "event:read"
  cluster_read,       ///< "cluster:read"
  admin,              ///< "admin": everything
};

/// The permissions a role or a token grants.
using permission_set = std::set<permission>;

/// The permission's name, e.g. "workflow:read" or "task:*".
std::string_view to_string(permission p);

/// The permission named `text`; an error naming the text and the known names otherwise.
result<permission, std::string> parse_permission(std::string_view text);

/// Every permission, in declaration order.
const permission_set& all_permissions();

/// True when `granted` allows `needed`: it holds `needed` itself, or `admin`, or `task:*` for a
/// task permission.
bool allows(const permission_set& granted, permission needed);

}  // namespace auraos::runtime::security
