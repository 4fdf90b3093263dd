// The JSON form of the REST API's error envelope.

#include "gateway/api_error.hpp"

#include <nlohmann/json.hpp>

#include "gateway/error_mapping.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {

api_error make_error(errc code, std::string message) {
  return api_error{code, std::move(message), nullptr};
}

nlohmann::json error_body(const api_error& error) {
  auto details = error.details ? *error.details : nlohmann::json::array();
  return {{"error",
           {{"code", code_name(error.code)}, {"message", error.message}, {"details", details}}}};
}

http_response error_response(const api_error& error) {
  return json_response(http_status(error.code), error_body(error));
}

http_response json_response(int status, const nlohmann::json& body) {
  http_response response;
  response.status = status;
  response.body = runtime::dump_json(body);
  return response;
}

}  // namespace auraos::gateway
