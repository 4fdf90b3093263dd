#include "runtime/handlers/json_text.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::runtime::handlers {

using nlohmann::json;

json text_value(std::string_view bytes) {
  return runtime::valid_utf8(bytes);
}

work_error config_error(const std::string& where, const std::string& problem) {
  return {"config", where + ": " + problem, false};
}

result<std::string, work_error> scalar_text(const json& value, const std::string& where) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return fail(config_error(where, std::string("must be a string, not ") + value.type_name()));
}

result<std::map<std::string, std::string>, work_error> text_map(const json& value,
                                                                const std::string& where) {
  std::map<std::string, std::string> out;
  if (value.is_null()) return out;
  if (!value.is_object()) {
    return fail(config_error(where, std::string("must be an object, not ") + value.type_name()));
  }
  for (const auto& [key, item] : value.items()) {
    auto text = scalar_text(item, where + "." + key);
    if (!text) return fail(std::move(text).error());
    out.emplace(key, std::move(text).value());
  }
  return out;
}

}  // namespace auraos::runtime::handlers
