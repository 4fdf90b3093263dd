#include "runtime/supervision/policy.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "runtime/enum_names.hpp"

namespace auraos::runtime::supervision {
namespace {

constexpr std::array<std::pair<strategy, std::string_view>, 4> strategy_names{{
    {strategy::one_for_one, "one_for_one"},
    {strategy::one_for_all, "one_for_all"},
    {strategy::rest_for_one, "rest_for_one"},
    {strategy::simple_one_for_one, "simple_one_for_one"},
}};

constexpr std::array<std::pair<restart_type, std::string_view>, 3> restart_names{{
    {restart_type::permanent, "permanent"},
    {restart_type::transient, "transient"},
    {restart_type::temporary, "temporary"},
}};

/// The children a restart of `failed` touches under strategy `s`, in start order.
std::vector<std::size_t> affected(strategy s, std::size_t count, std::size_t failed) {
  std::size_t first = failed;
  std::size_t last = failed + 1;
  if (s == strategy::one_for_all) first = 0, last = count;
  if (s == strategy::rest_for_one) last = count;
  std::vector<std::size_t> out;
  for (std::size_t i = first; i < last; ++i) out.push_back(i);
  return out;
}

}  // namespace

std::string_view to_string(strategy s) {
  return name_of(strategy_names, s);
}

std::string_view to_string(restart_type t) {
  return name_of(restart_names, t);
}

std::string_view to_string(exit_kind k) {
  switch (k) {
    case exit_kind::normal:
      return "normal";
    case exit_kind::shutdown:
      return "shutdown";
    case exit_kind::abnormal:
      break;
  }
  return "abnormal";
}

std::optional<strategy> parse_strategy(std::string_view name) {
  return key_of<strategy>(strategy_names, name);
}

std::optional<restart_type> parse_restart_type(std::string_view name) {
  return key_of<restart_type>(restart_names, name);
}

bool should_restart(restart_type t, exit_kind k) {
  if (t == restart_type::permanent) return true;
  return t == restart_type::transient && k == exit_kind::abnormal;
}

restart_plan plan_restart(strategy s, const std::vector<restart_type>& types, std::size_t failed,
                          exit_kind kind) {
  restart_plan plan;
  if (!should_restart(types.at(failed), kind)) {
    if (types[failed] == restart_type::temporary || s == strategy::simple_one_for_one)
      plan.remove.push_back(failed);
    return plan;
  }
  for (std::size_t i : affected(s, types.size(), failed)) {
    if (i != failed) plan.stop.push_back(i);
    if (i != failed && types[i] == restart_type::temporary)
      plan.remove.push_back(i);
    else
      plan.restart.push_back(i);
  }
  std::reverse(plan.stop.begin(), plan.stop.end());
  return plan;
}

}  // namespace auraos::runtime::supervision
