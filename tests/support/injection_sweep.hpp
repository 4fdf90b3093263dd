#pragma once
// The injection sweep's inputs and checks (security_injection*_test.cpp): hostile values with
// SQL metacharacters, their encodings in a path, a query and a JSON body, and the statuses that
// count as a refusal.

#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace auraos::test {

/// One hostile value: a label for failure messages and its raw bytes.
struct injection_payload {
  std::string label;
  std::string raw;
};

/// Quotes, statement and comment starts, a tautology, LIKE wildcards, a backslash, NUL,
/// invalid UTF-8, a long string and a path out of a folder.
inline const std::vector<injection_payload>& injection_payloads() {
  static const std::vector<injection_payload> payloads{
      {"quote", "'"},
      {"double quote", "\""},
      {"semicolon", ";"},
      {"line comment", "--"},
      {"block comment", "/*"},
      {"tautology", "' OR '1'='1"},
      {"statement", "x'; DROP TABLE workflows; --"},
      {"percent", "%"},
      {"underscore", "_"},
      {"backslash", "\\"},
      {"NUL", std::string("a\0b", 3)},
      {"invalid UTF-8", "\xFF"},
      {"long", std::string(3000, 'x') + "'"},
      {"traversal", "../../etc/passwd"},
  };
  return payloads;
}

/// `text` with every byte but `A-Z a-z 0-9 - . _ ~` percent-encoded (for a path segment or a
/// query value).
inline std::string percent_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

/// `text` as a JSON string literal, its bytes kept as they are (so invalid UTF-8 stays invalid,
/// which nlohmann::json::dump refuses to write); quotes, backslashes and control bytes escaped.
inline std::string json_string(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

/// `pattern` ("/api/v1/workflows/{id}/revisions/{n}") with every `{name}` segment replaced by
/// `value` (already encoded).
inline std::string fill_path(std::string_view pattern, std::string_view value) {
  std::string out;
  for (std::size_t at = 0; at < pattern.size();) {
    auto open = pattern.find('{', at);
    if (open == std::string_view::npos) {
      out += pattern.substr(at);
      break;
    }
    out += std::string{pattern.substr(at, open - at)} + std::string{value};
    at = pattern.find('}', open) + 1;
  }
  return out;
}

/// True for the statuses that refuse a request's input: 400, 404, 409, 413, 414, 422.
inline bool is_refusal(int status) {
  static const std::set<int> refusals{400, 404, 409, 413, 414, 422};
  return refusals.count(status) > 0;
}

}  // namespace auraos::test
