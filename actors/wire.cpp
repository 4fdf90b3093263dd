// JSON values inside messages that may cross a node travel as their text.
#include "actors/wire.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::actors::wire {

std::string json_to_text(const runtime::json_ptr& value) {
  return value ? runtime::dump_json(*value) : std::string{"null"};
}

runtime::json_ptr json_from_text(const std::string& text) {
  if (text == "null") return nullptr;
  auto parsed = runtime::parse_json(text, runtime::max_stored_json_depth);
  if (!parsed) return nullptr;
  return std::make_shared<const nlohmann::json>(std::move(*parsed));
}

}  // namespace auraos::actors::wire
