#pragma once
// List pagination: the `limit` and `cursor` query parameters and the {items, nextCursor} answer.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// The page size used when a request names none.
inline constexpr int default_page_limit = 50;
/// The largest page size a request may ask for.
inline constexpr int max_page_limit = 1000;

/// What a list request asks for: how many items, and where to resume.
struct page_request {
  /// Items per page, 1..max_page_limit.
  int limit = default_page_limit;
  /// The decoded resume position; empty for the first page.
  std::string position;
};

/// Encodes a resume position as an opaque cursor (base64url, no padding).
std::string encode_cursor(std::string_view position);

/// Decodes a cursor made by encode_cursor; a 400 error when it is not one.
result<std::string, api_error> decode_cursor(std::string_view cursor);

/// What the positions of a list's cursors are, so that a cursor no such list made is a 400.
enum class cursor_kind {
  keyset,         ///< created_at and id (workflows, executions): persistence/cursor.hpp
  newest_keyset,  ///< created_at and id of a newest-first list (executions?order=newest)
  number,         ///< a non-negative integer (history seq, revision)
  opaque,         ///< any UTF-8 position; the reader checks it (events: the store's cursor)
};

/// Reads `limit` (integer 1..1000, default `default_limit`) and `cursor` (a position of `kind`)
/// from the query; 400 on bad values.
result<page_request, api_error> parse_page_request(const http_request& request,
                                                   int default_limit = default_page_limit,
                                                   cursor_kind kind = cursor_kind::keyset);

/// The list answer: {"items": items, "nextCursor": cursor of `next_position` or null}.
http_response page_response(const nlohmann::json& items,
                            const std::optional<std::string>& next_position);

/// The same answer for items already rendered as the JSON text of an array.
http_response page_text_response(const std::string& items_json,
                                 const std::optional<std::string>& next_position);

}  // namespace auraos::gateway
