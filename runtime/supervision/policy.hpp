#pragma once
// Supervision policy: strategies, restart types and which children a failure restarts.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace auraos::runtime::supervision {

/// Which siblings are restarted together with a failed child (OTP semantics).
enum class strategy {
  one_for_one,         ///< only the failed child
  one_for_all,         ///< every child
  rest_for_one,        ///< the failed child and those started after it
  simple_one_for_one,  ///< one_for_one over children added at run time
};

/// When a child is restarted after it ended.
enum class restart_type {
  permanent,  ///< always
  transient,  ///< only after an abnormal exit
  temporary,  ///< never
};

/// How a child ended, as far as restart decisions care.
enum class exit_kind {
  normal,    ///< finished its work
  shutdown,  ///< stopped on request (user_shutdown)
  abnormal,  ///< crashed or quit with an error
};

/// The name of a strategy as it appears in the tree JSON.
std::string_view to_string(strategy s);
/// The name of a restart type.
std::string_view to_string(restart_type t);
/// The name of an exit kind.
std::string_view to_string(exit_kind k);
/// Parses a strategy name; nullopt when unknown.
std::optional<strategy> parse_strategy(std::string_view name);
/// Parses a restart type name; nullopt when unknown.
std::optional<restart_type> parse_restart_type(std::string_view name);

/// True when a child of restart type `t` that ended with `k` is restarted.
bool should_restart(restart_type t, exit_kind k);

/// What the supervisor does after one child ended; indices are in start order.
struct restart_plan {
  /// Live siblings to stop (user_shutdown) before restarting, in reverse start order.
  std::vector<std::size_t> stop;
  /// Children to start again once all of `stop` are down, in start order.
  std::vector<std::size_t> restart;
  /// Children to forget (ended temporary ones, or ended dynamic ones).
  std::vector<std::size_t> remove;
};

/// Decides the restarts that follow from child `failed` (index into `types`, which
/// lists every child's restart type in start order) ending with `kind`.
restart_plan plan_restart(strategy s, const std::vector<restart_type>& types, std::size_t failed,
                          exit_kind kind);

}  // namespace auraos::runtime::supervision
