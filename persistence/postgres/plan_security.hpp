#pragma once
// Helpers of the security planners: a call whose result is the row it returns, and the check
// of a user id (users.id is a UUID column).

#include <string>
#include <type_traits>
#include <utility>

#include "persistence/postgres/plan.hpp"
#include "persistence/postgres/rows.hpp"

namespace auraos::persistence::postgres {

/// One call of `query`; the op's result is its first row converted by `read` (which returns a
/// record or a store_result of one). A call that returns no row is an internal error.
template <class Reader>
planned_op returning_row(std::string query, params values, std::string place, Reader read) {
  planned_op planned{{{std::move(query), std::move(values)}}, {}, place};
  planned.read = [read, place](const pg_result& rows) -> store_result<op_result> {
    if (rows.rows() < 1) return store_fail(store_errc::internal, place + ": no row");
    if constexpr (requires { read(rows, 0).has_value(); }) {
      auto value = read(rows, 0);
      if (!value) return fail(std::move(value).error());
      return op_result{std::move(value).value()};
    } else {
      return op_result{read(rows, 0)};
    }
  };
  return planned;
}

/// not_found naming `place`, as the database answers for a missing user, for a user id that is
/// no UUID (the column's type would refuse it as invalid).
inline store_status check_user_id(const std::string& id, const std::string& place) {
  if (is_uuid(id)) return std::monostate{};
  return store_fail(store_errc::not_found, place + ": no user '" + id + "'");
}

}  // namespace auraos::persistence::postgres
