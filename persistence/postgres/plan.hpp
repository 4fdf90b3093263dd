#pragma once
// Write operations turned into named-query calls that run unattended in a pipeline: every
// check that may reject an operation runs in the database (SQLSTATE AUR01..AUR03).

#include <functional>
#include <string>
#include <vector>

#include "persistence/clock.hpp"
#include "persistence/postgres/params.hpp"
#include "persistence/postgres/pg_result.hpp"
#include "persistence/write_batch.hpp"

namespace auraos::persistence::postgres {

/// One call of a named query.
struct command {
  std::string query;  ///< The query name (persistence/queries/postgres/NAME.sql).
  params values;      ///< Its parameters.
};

/// The calls of one write_op, and how to read its result from the last call's rows.
struct planned_op {
  std::vector<command> commands;                                  ///< Sent in order.
  std::function<store_result<op_result>(const pg_result&)> read;  ///< Null: no value.
  std::string place;                                              ///< For error messages.
};

/// One write_request's planned operations, or the reason it was rejected before sending.
using planned_request = store_result<std::vector<planned_op>>;

/// Plans one operation; malformed ones (empty id, an execution id that is no UUID) fail here.
/// New rows without a fence are stored under shard_of(id, `shards`).
store_result<planned_op> plan(const write_op& op, const clock_fn& clock, std::int64_t shards);

/// Plans every operation of a request; the first rejected one rejects the request.
planned_request plan(const write_request& request, const clock_fn& clock, std::int64_t shards);

}  // namespace auraos::persistence::postgres
