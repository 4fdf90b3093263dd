// Reading times, repeated names and the list order from a request's query.

#include "gateway/query_params.hpp"

#include "runtime/engine/time_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

api_error bad_param(std::string_view name, std::string_view problem) {
  return make_error(errc::invalid,
                    "query parameter '" + std::string{name} + "' " + std::string{problem});
}

/// Appends the comma-separated pieces of `value` to `out`.
void split_commas(std::string_view value, std::vector<std::string>& out) {
  while (!value.empty()) {
    auto comma = value.find(',');
    if (auto piece = value.substr(0, comma); !piece.empty()) out.emplace_back(piece);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

}  // namespace

result<std::optional<std::int64_t>, api_error> time_param(const http_request& request,
                                                          std::string_view name) {
  auto text = request.query_param(name);
  if (!text) return std::optional<std::int64_t>{};
  auto ms = runtime::engine::parse_rfc3339_ms(*text);
  if (!ms)
    return fail(bad_param(name, "must be an RFC 3339 time, got '" + text->substr(0, 100) + "'"));
  return std::optional<std::int64_t>{*ms};
}

result<std::vector<std::string>, api_error> repeated_param(const http_request& request,
                                                           std::string_view name) {
  std::vector<std::string> values;
  auto mark = request.target.find('?');
  if (mark == std::string::npos) return values;
  std::string_view query{request.target};
  query.remove_prefix(mark + 1);
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    if (key && *key == name) {
      auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
      if (!value || !runtime::is_valid_utf8(*value))
        return fail(bad_param(name, "is not valid percent-encoded UTF-8"));
      split_commas(*value, values);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return values;
}

result<persistence::list_order, api_error> order_param(const http_request& request) {
  auto text = request.query_param("order");
  if (!text || *text == "oldest") return persistence::list_order::oldest_first;
  if (*text == "newest") return persistence::list_order::newest_first;
  return fail(bad_param("order", "must be 'oldest' or 'newest', got '" + text->substr(0, 100) + "'"));
}

}  // namespace auraos::gateway
