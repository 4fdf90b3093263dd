#include "runtime/definition/json_text.hpp"

namespace auraos::runtime::definition {
namespace {

std::string line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n')
      ++line, column = 1;
    else
      ++column;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// Offset where nesting first exceeds the limit, or npos.
std::size_t too_deep_at(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

}  // namespace

result<nlohmann::json, std::string> parse_json_text(std::string_view text) {
  if (auto deep = too_deep_at(text); deep != std::string_view::npos)
    return fail(line_and_column(text, deep) + ": nested deeper than " +
                std::to_string(max_json_depth) + " levels");
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    auto detail = what.find(": ", what.find("column"));
    auto offset = e.byte > 0 ? e.byte - 1 : 0;
    return fail(line_and_column(text, offset) +
                (detail == std::string::npos ? ": " + what : what.substr(detail)));
  }
}

}  // namespace auraos::runtime::definition
