#include "runtime/cluster/member_status.hpp"

#include <array>
#include <utility>

#include "runtime/enum_names.hpp"

namespace auraos::runtime::cluster {
namespace {

constexpr std::array<std::pair<member_status, std::string_view>, 3> status_names{{
    {member_status::up, "up"},
    {member_status::suspect, "suspect"},
    {member_status::down, "down"},
}};

}  // namespace

member_status member_status_of(std::chrono::milliseconds heartbeat_age, bool left,
                               const cluster_settings& settings) {
  if (left || heartbeat_age > settings.lease) return member_status::down;
  if (heartbeat_age > 2 * settings.heartbeat) return member_status::suspect;
  return member_status::up;
}

std::string_view to_string(member_status status) {
  return name_of(status_names, status);
}

bool is_live(member_status status) {
  return status != member_status::down;
}

}  // namespace auraos::runtime::cluster
