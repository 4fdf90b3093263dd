// JSON request bodies: a depth pre-scan, then nlohmann's parser with its errors located.

#include "gateway/json_body.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace auraos::gateway {
namespace {

struct position {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// Line and column (both 1-based) of the byte at `offset`.
position locate(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  position at;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

/// The message of a nlohmann exception (it names line and column) without its "[json.exception...]
/// " prefix.
std::string_view plain_message(const nlohmann::json::exception& e) {
  std::string_view what = e.what();
  auto close = what.find("] ");
  return close == std::string_view::npos ? what : what.substr(close + 2);
}

api_error bad_json(std::string_view text, std::size_t byte, std::string_view what) {
  auto at = locate(text, byte == 0 ? 0 : byte - 1);
  auto error = make_error(error_code::bad_request, fmt::format("malformed JSON body: {}", what));
  error.details = std::make_shared<const nlohmann::json>(
      nlohmann::json::array({{{"line", at.line}, {"column", at.column}}}));
  return error;
}

}  // namespace

int json_nesting_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

result<nlohmann::json, api_error> parse_json_body(std::string_view body, int max_depth) {
  if (json_nesting_depth(body) > max_depth) {
    return fail(
        make_error(error_code::bad_request,
                   fmt::format("JSON body nests deeper than the limit of {} levels", max_depth)));
  }
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    return fail(bad_json(body, e.byte, plain_message(e)));
  }
}

}  // namespace auraos::gateway
