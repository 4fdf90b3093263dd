#include "runtime/handlers/http_result.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "runtime/handlers/json_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::handlers {
namespace {

using nlohmann::json;

json header_object(const std::vector<std::pair<std::string, std::string>>& fields) {
  json headers = json::object();
  for (auto [name, value] : fields) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto text = text_value(value).get<std::string>();
    if (headers.contains(name)) text = headers[name].get<std::string>() + ", " + text;
    headers[name] = std::move(text);
  }
  return headers;
}

}  // namespace

work_result http_result_of(const http_response& response, const std::string& what) {
  json output = {{"status", response.status},
                 {"headers", header_object(response.headers)},
                 {"body", text_value(response.body)}};
  auto parsed = runtime::parse_json(response.body);
  if (parsed) output["json"] = std::move(*parsed);
  if (response.status < 400) return work_succeeded(std::move(output));
  bool server_side = response.status >= 500;
  return work_failed(
      {"http_status", what + " answered with status " + std::to_string(response.status),
       server_side},
      std::move(output));
}

}  // namespace auraos::runtime::handlers
