#include "persistence/sqlite/read_params.hpp"

#include "persistence/cursor.hpp"

namespace auraos::persistence::sqlite {

store_status bind_page(statement& query, const page_request& page, std::string_view place,
                       list_order order) {
  if (auto ok = check_page_limit(page, place); !ok) return ok;
  if (page.cursor) {
    auto position = decode_cursor(*page.cursor, place, order);
    if (!position) return fail(std::move(position).error());
    query.bind(3, position->created_at).bind(4, std::string_view{position->id});
  }
  query.bind(5, page.limit + 1);
  return std::monostate{};
}

std::string json_list(const std::vector<std::int64_t>& shards) {
  std::string out = "[";
  for (auto shard : shards) out += (out.size() > 1 ? "," : "") + std::to_string(shard);
  return out + "]";
}

}  // namespace auraos::persistence::sqlite
