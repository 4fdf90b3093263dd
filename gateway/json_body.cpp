// JSON request bodies: runtime::parse_json with its error as a 400 answer.

#include "gateway/json_body.hpp"

#include <nlohmann/json.hpp>

#include "gateway/error_mapping.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {

result<nlohmann::json, api_error> parse_json_body(std::string_view body) {
  auto parsed = runtime::parse_json(body);
  if (!parsed) return fail(json_parse_api_error(parsed.error(), "body"));
  return std::move(*parsed);
}

}  // namespace auraos::gateway
