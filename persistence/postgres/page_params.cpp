#include "persistence/postgres/page_params.hpp"

#include "persistence/cursor.hpp"

namespace auraos::persistence::postgres {

store_status add_page(params& values, const page_request& page, std::string_view place,
                      list_order order) {
  if (auto ok = check_page_limit(page, place); !ok) return ok;
  std::optional<keyset> position;
  if (page.cursor) {
    auto decoded = decode_cursor(*page.cursor, place, order);
    if (!decoded) return fail(std::move(decoded).error());
    position = std::move(decoded).value();
  }
  values.add(position ? std::optional{position->created_at} : std::nullopt);
  values.add(position ? std::optional{position->id} : std::nullopt);
  values.add(page.limit + 1);
  return std::monostate{};
}

}  // namespace auraos::persistence::postgres
