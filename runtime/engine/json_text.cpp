#include "runtime/engine/json_text.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::runtime::engine {

runtime::json_ptr parse_json_text(std::string_view text) {
  auto value = runtime::parse_json(text, runtime::max_stored_json_depth);
  return share_json(value ? std::move(*value) : nlohmann::json());
}

runtime::json_ptr share_json(nlohmann::json value) {
  return std::make_shared<const nlohmann::json>(std::move(value));
}

const nlohmann::json& json_or_null(const runtime::json_ptr& value) {
  static const nlohmann::json null_value;
  return value ? *value : null_value;
}

std::string json_text(const runtime::json_ptr& value) {
  return runtime::dump_json(json_or_null(value));
}

nlohmann::json error_object(const node_error& error) {
  nlohmann::json object{
      {"type", error.type}, {"message", error.message}, {"attempts", error.attempts}};
  if (error.fields && error.fields->is_object())
    for (const auto& [key, value] : error.fields->items())
      if (!object.contains(key)) object[key] = value;
  return object;
}

}  // namespace auraos::runtime::engine
