// Cursor encoding (base64url) and the limit/cursor rules of list endpoints.

#include "gateway/pagination.hpp"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "persistence/cursor.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int sextet(char c) {
  auto at = alphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

api_error bad_cursor(std::string_view cursor) {
  return make_error(errc::invalid,
                    fmt::format("query parameter 'cursor' is not a valid cursor: '{}'", cursor));
}

result<int, api_error> parse_limit(const std::optional<std::string>& text, int default_limit) {
  if (!text) return default_limit;
  int limit = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc{} || end != text->data() + text->size() || limit < 1 ||
      limit > max_page_limit) {
    return fail(
        make_error(errc::invalid,
                   fmt::format("query parameter 'limit' must be an integer from 1 to {}, got '{}'",
                               max_page_limit, *text)));
  }
  return limit;
}

}  // namespace

std::string encode_cursor(std::string_view position) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (unsigned char byte : position) {
    bits = (bits << 8) | byte;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out.push_back(alphabet[(bits >> count) & 0x3f]);
    }
  }
  if (count > 0) out.push_back(alphabet[(bits << (6 - count)) & 0x3f]);
  return out;
}

result<std::string, api_error> decode_cursor(std::string_view cursor) {
  if (cursor.size() % 4 == 1) return fail(bad_cursor(cursor));
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : cursor) {
    int value = sextet(c);
    if (value < 0) return fail(bad_cursor(cursor));
    bits = (bits << 6) | static_cast<unsigned>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  if ((bits & ((1u << count) - 1)) != 0) return fail(bad_cursor(cursor));
  return out;
}

/// True when `position` is one a list of `kind` makes.
bool is_position(const std::string& position, cursor_kind kind) {
  if (!runtime::is_valid_utf8(position)) return false;
  if (kind == cursor_kind::opaque) return true;
  if (kind != cursor_kind::number) {
    auto order = kind == cursor_kind::newest_keyset ? persistence::list_order::newest_first
                                                    : persistence::list_order::oldest_first;
    return persistence::decode_cursor(position, "cursor", order).has_value();
  }
  std::int64_t number = -1;
  const char* end = position.data() + position.size();
  auto [stop, ec] = std::from_chars(position.data(), end, number);
  return ec == std::errc{} && stop == end && number >= 0;
}

result<page_request, api_error> parse_page_request(const http_request& request, int default_limit,
                                                   cursor_kind kind) {
  auto limit = parse_limit(request.query_param("limit"), default_limit);
  if (!limit) return fail(std::move(limit).error());
  page_request page;
  page.limit = *limit;
  if (auto cursor = request.query_param("cursor"); cursor && !cursor->empty()) {
    auto position = decode_cursor(*cursor);
    if (!position) return fail(std::move(position).error());
    // Only positions such a list made: a decodable cursor of other bytes is as bad as none.
    if (!is_position(*position, kind)) return fail(bad_cursor(*cursor));
    page.position = std::move(*position);
  }
  return page;
}

http_response page_response(const nlohmann::json& items,
                            const std::optional<std::string>& next_position) {
  return page_text_response(runtime::dump_json(items), next_position);
}

http_response page_text_response(const std::string& items_json,
                                 const std::optional<std::string>& next_position) {
  nlohmann::json next = nullptr;
  if (next_position) next = encode_cursor(*next_position);
  http_response response;
  response.status = 200;
  response.body = "{\"items\":" + items_json + ",\"nextCursor\":" + next.dump() + "}";
  return response;
}

}  // namespace auraos::gateway
