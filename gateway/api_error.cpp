// Statuses, wire names and JSON form of the REST API's error envelope.

#include "gateway/api_error.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::gateway {

int http_status(error_code code) {
  switch (code) {
    case error_code::bad_request:
      return 400;
    case error_code::not_found:
      return 404;
    case error_code::method_not_allowed:
      return 405;
    case error_code::conflict:
      return 409;
    case error_code::payload_too_large:
      return 413;
    case error_code::headers_too_large:
      return 431;
    case error_code::invalid_definition:
      return 422;
    case error_code::invalid_input:
      return 422;
    case error_code::internal:
      return 500;
    case error_code::unavailable:
      return 503;
  }
  return 500;
}

std::string_view code_name(error_code code) {
  switch (code) {
    case error_code::bad_request:
      return "bad_request";
    case error_code::not_found:
      return "not_found";
    case error_code::method_not_allowed:
      return "method_not_allowed";
    case error_code::conflict:
      return "conflict";
    case error_code::payload_too_large:
      return "payload_too_large";
    case error_code::headers_too_large:
      return "headers_too_large";
    case error_code::invalid_definition:
      return "invalid_definition";
    case error_code::invalid_input:
      return "invalid_input";
    case error_code::internal:
      return "internal";
    case error_code::unavailable:
      return "unavailable";
  }
  return "internal";
}

api_error make_error(error_code code, std::string message) {
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
