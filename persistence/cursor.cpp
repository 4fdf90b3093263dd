#include "persistence/cursor.hpp"

#include <charconv>

namespace auraos::persistence {

std::string encode_cursor(const keyset& position) {
  return std::to_string(position.created_at) + ":" + position.id;
}

store_result<keyset> decode_cursor(std::string_view cursor, std::string_view place) {
  auto bad = [&] {
    return store_fail(store_errc::invalid,
                      std::string{place} + ": malformed cursor '" + std::string{cursor} + "'");
  };
  auto colon = cursor.find(':');
  if (colon == std::string_view::npos || colon + 1 == cursor.size()) return bad();
  keyset position;
  auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + colon, position.created_at);
  if (ec != std::errc{} || end != cursor.data() + colon) return bad();
  position.id = std::string{cursor.substr(colon + 1)};
  return position;
}

store_status check_page_limit(const page_request& page, std::string_view place) {
  if (page.limit >= 1 && page.limit <= max_page_limit) return std::monostate{};
  return store_fail(store_errc::invalid, std::string{place} + ": limit " +
                                             std::to_string(page.limit) + " is outside 1.." +
                                             std::to_string(max_page_limit));
}

}  // namespace auraos::persistence
