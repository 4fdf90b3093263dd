// Reading JSON from flags and files for commands.

#include "cli/json_flag.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"
#include "runtime/text_file.hpp"

namespace auraos::cli {

result<nlohmann::json, std::string> json_flag(const std::string& flag, const std::string& value) {
  std::string text = value;
  if (!text.empty() && text[0] == '@') {
    auto contents = runtime::read_text_file(text.substr(1));
    if (!contents)
      return fail(flag + ": cannot read file '" + text.substr(1) + "': " + contents.error());
    text = std::move(*contents);
  }
  auto parsed = runtime::parse_json(text);
  if (!parsed) return fail(flag + ": invalid JSON at " + parsed.error().to_string());
  return std::move(*parsed);
}

result<nlohmann::json, std::string> json_file(const std::string& file) {
  auto contents = runtime::read_text_file(file);
  if (!contents) return fail(file + ": cannot read the file: " + contents.error());
  auto parsed = runtime::parse_json(*contents);
  if (!parsed) return fail(file + ": invalid JSON at " + parsed.error().to_string());
  return std::move(*parsed);
}

}  // namespace auraos::cli
