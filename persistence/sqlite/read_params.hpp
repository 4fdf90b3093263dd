#pragma once
// Parameters shared by the SQLite reads: a list query's keyset page and a list of shards.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "persistence/execution_record.hpp"
#include "persistence/sqlite/statement.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence::sqlite {

/// Binds the keyset (?3, ?4) and limit+1 (?5) of a list query in `order`; a malformed cursor
/// or limit is `invalid` naming `place`.
store_status bind_page(statement& query, const page_request& page, std::string_view place,
                       list_order order = list_order::oldest_first);

/// A shard list as a JSON array (the queries read it with json_each).
std::string json_list(const std::vector<std::int64_t>& shards);

}  // namespace auraos::persistence::sqlite
