#include "persistence/cursor.hpp"

#include <charconv>

namespace auraos::persistence {
namespace {

/// What starts the cursor of a newest-first list (an oldest-first one starts with a digit).
constexpr std::string_view newest_mark = "newest:";

}  // namespace

std::string encode_cursor(const keyset& position, list_order order) {
  auto text = std::to_string(position.created_at) + ":" + position.id;
  return order == list_order::newest_first ? std::string{newest_mark} + text : text;
}

store_result<keyset> decode_cursor(std::string_view cursor, std::string_view place,
                                   list_order order) {
  auto bad = [place, whole = cursor] {
    return store_fail(store_errc::invalid,
                      std::string{place} + ": malformed cursor '" + std::string{whole} + "'");
  };
  if (order == list_order::newest_first) {
    if (!cursor.starts_with(newest_mark)) return bad();
    cursor.remove_prefix(newest_mark.size());
  }
  auto colon = cursor.find(':');
  if (colon == std::string_view::npos || colon + 1 == cursor.size()) return bad();
  keyset position;
  auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + colon, position.created_at);
  if (ec != std::errc{} || end != cursor.data() + colon) return bad();
  position.id = std::string{cursor.substr(colon + 1)};
  return position;
}

std::string encode_revision_cursor(std::int64_t revision) {
  return std::to_string(revision);
}

store_result<std::int64_t> decode_revision_cursor(const std::optional<std::string>& cursor,
                                                  std::string_view place) {
  if (!cursor) return std::int64_t{0};
  std::int64_t revision = 0;
  const char* end = cursor->data() + cursor->size();
  auto [stop, ec] = std::from_chars(cursor->data(), end, revision);
  if (ec != std::errc{} || stop != end || revision < 1)
    return store_fail(store_errc::invalid,  // not echoed: the bytes may not be UTF-8
                      std::string{place} + ": malformed cursor (not one this list gave)");
  return revision;
}

page<workflow_record> make_revision_page(std::vector<workflow_record> rows,
                                         const page_request& request) {
  page<workflow_record> result;
  if (static_cast<std::int64_t>(rows.size()) > request.limit) {
    rows.resize(static_cast<std::size_t>(request.limit));
    result.next_cursor = encode_revision_cursor(rows.back().revision);
  }
  result.items = std::move(rows);
  return result;
}

store_status check_page_limit(const page_request& page, std::string_view place) {
  if (page.limit >= 1 && page.limit <= max_page_limit) return std::monostate{};
  return store_fail(store_errc::invalid, std::string{place} + ": limit " +
                                             std::to_string(page.limit) + " is outside 1.." +
                                             std::to_string(max_page_limit));
}

}  // namespace auraos::persistence
