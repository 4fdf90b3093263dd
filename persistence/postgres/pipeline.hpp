#pragma once
// Group commit over a libpq pipeline.

#include <vector>

#include "persistence/postgres/connection.hpp"
#include "persistence/postgres/plan.hpp"

namespace auraos::persistence::postgres {

/// Applies the requests in one transaction: BEGIN, each request between SAVEPOINT and RELEASE,
/// COMMIT, all sent before one sync, so a batch costs one round trip when nothing is rejected.
/// A rejected request aborts the rest of the pipeline: it is rolled back to its savepoint and
/// the requests after it are sent again. Requests rejected while planning are not sent. Fails,
/// with nothing committed, when the connection breaks or the transaction cannot commit.
store_result<std::vector<write_outcome>> run_pipeline(connection& conn,
                                                      std::vector<planned_request>& requests);

}  // namespace auraos::persistence::postgres
