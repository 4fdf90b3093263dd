#pragma once
// The keyset parameters of a list query.

#include <string_view>

#include "persistence/postgres/params.hpp"
#include "persistence/execution_record.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence::postgres {

/// Adds the keyset (created_at, id, or two NULLs) and limit + 1 of a list query in `order`;
/// a malformed cursor or limit is `invalid` naming `place`.
store_status add_page(params& values, const page_request& page, std::string_view place,
                      list_order order = list_order::oldest_first);

}  // namespace auraos::persistence::postgres
