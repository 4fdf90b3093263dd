// Decoding of CEL escape sequences inside quoted string literals.

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/expr/lexer.hpp"

namespace auraos::runtime::expr {
namespace {

using escape_error = std::pair<std::size_t, std::string>;

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char simple_escape(char c) {
  switch (c) {
    case '\\':
      return '\\';
    case '\'':
      return '\'';
    case '"':
      return '"';
    case '`':
      return '`';
    case '?':
      return '?';
    case 'a':
      return '\a';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'v':
      return '\v';
    default:
      return 0;
  }
}

/// Reads `count` digits of `base` at `at`; -1 when one is missing or invalid.
std::int64_t read_digits(std::string_view body, std::size_t at, std::size_t count, int base) {
  if (at + count > body.size()) return -1;
  std::int64_t value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    char c = body[at + i];
    int digit = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : 99;
    if (digit >= base) return -1;
    value = value * base + digit;
  }
  return value;
}

/// Decodes the numeric escape at body[at] (the character after the backslash).
result<std::uint32_t, escape_error> numeric_escape(std::string_view body, std::size_t at,
                                                   std::size_t& length) {
  char c = body[at];
  std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 3;
  std::size_t first = (c >= '0' && c <= '7') ? at : at + 1;
  std::int64_t value = read_digits(body, first, digits, digits == 3 ? 8 : 16);
  if (value < 0) return fail(escape_error{at - 1, "invalid escape sequence"});
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return fail(escape_error{at - 1, "escape sequence is not a valid code point"});
  }
  length = first - at + digits;
  return static_cast<std::uint32_t>(value);
}

}  // namespace

result<std::string, escape_error> decode_escapes(std::string_view body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    if (i + 1 >= body.size()) return fail(escape_error{i, "invalid escape sequence"});
    if (char simple = simple_escape(body[i + 1])) {
      out += simple;
      ++i;
      continue;
    }
    char c = body[i + 1];
    if (c != 'x' && c != 'u' && c != 'U' && !(c >= '0' && c <= '3')) {
      return fail(escape_error{i, "invalid escape sequence"});
    }
    std::size_t length = 0;
    auto cp = numeric_escape(body, i + 1, length);
    if (!cp) return fail(cp.error());
    append_utf8(out, cp.value());
    i += length;
  }
  return out;
}

}  // namespace auraos::runtime::expr
