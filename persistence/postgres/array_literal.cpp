#include "persistence/postgres/array_literal.hpp"

namespace auraos::persistence::postgres {

namespace {

template <class T, class Append>
std::string array_of(const std::vector<T>& values, Append append) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    append(out, values[i]);
  }
  return out + "}";
}

/// Appends `value` as a quoted element, `"` and `\` escaped.
void append_quoted(std::string& out, const std::string& value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string text_array(const std::vector<std::string>& values) {
  return array_of(values, append_quoted);
}

std::string optional_text_array(const std::vector<std::optional<std::string>>& values) {
  return array_of(values, [](std::string& out, const std::optional<std::string>& value) {
    if (value)
      append_quoted(out, *value);
    else
      out += "NULL";
  });
}

std::string integer_array(const std::vector<std::int64_t>& values) {
  return array_of(values,
                  [](std::string& out, std::int64_t value) { out += std::to_string(value); });
}

std::string optional_integer_array(const std::vector<std::optional<std::int64_t>>& values) {
  return array_of(values, [](std::string& out, std::optional<std::int64_t> value) {
    out += value ? std::to_string(*value) : std::string{"NULL"};
  });
}

std::string bytea_array(const std::vector<std::string>& values) {
  static constexpr char hex[] = "0123456789abcdef";
  return array_of(values, [](std::string& out, const std::string& value) {
    out += "\"\\\\x";
    for (unsigned char c : value) {
      out += hex[c >> 4];
      out += hex[c & 0x0f];
    }
    out += '"';
  });
}

}  // namespace auraos::persistence::postgres
