#include "runtime/json_parse.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime {
namespace {

using nlohmann::json;

json_parse_error located(std::string_view text, std::size_t offset, std::string problem) {
  json_parse_error error{valid_utf8(problem)};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++error.line;
      error.column = 1;
    } else {
      ++error.column;
    }
  }
  return error;
}

/// Offset of the first bracket that nests deeper than `max_depth`, or npos.
std::size_t too_deep_at(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
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
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

/// nlohmann's DOM builder that records the first error instead of throwing it.
class dom_builder : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit dom_builder(json& root) : json_sax_dom_parser(root, false) {}

  template <class Exception>
  bool parse_error(std::size_t byte, const std::string& token, const Exception& e) {
    byte_ = byte;
    token_ = token;
    id_ = e.id;
    what_ = e.what();
    return false;
  }

  /// The recorded error located in `text`.
  json_parse_error error(std::string_view text) const {
    if (id_ == 406) {  // out_of_range: a number too large for a double; byte is after it
      auto start = byte_ >= token_.size() ? byte_ - token_.size() : 0;
      return located(text, start, "number out of range: " + token_);
    }
    auto detail = what_.find(": ", what_.find("column"));
    auto problem = detail == std::string::npos ? what_ : what_.substr(detail + 2);
    return located(text, byte_ > 0 ? byte_ - 1 : 0, problem);
  }

 private:
  std::size_t byte_ = 0;
  std::string token_;
  int id_ = 0;
  std::string what_;
};

}  // namespace

std::string json_parse_error::to_string() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + problem;
}

result<json, json_parse_error> parse_json(std::string_view text, std::size_t max_depth) {
  if (auto deep = too_deep_at(text, max_depth); deep != std::string_view::npos)
    return fail(located(text, deep, "nested deeper than " + std::to_string(max_depth) + " levels"));
  json value;
  dom_builder builder(value);
  try {
    if (!json::sax_parse(text, &builder)) return fail(builder.error(text));
  } catch (const json::exception& e) {  // not expected from text input; never escapes
    return fail(located(text, 0, e.what()));
  }
  return value;
}

std::string valid_utf8(std::string_view bytes) {
  auto quoted = dump_json(json(std::string(bytes)));
  return json::parse(quoted).get<std::string>();
}

bool is_valid_utf8(std::string_view bytes) {
  return valid_utf8(bytes) == bytes;
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace auraos::runtime
