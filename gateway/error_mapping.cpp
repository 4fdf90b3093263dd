// The project's errors mapped to HTTP, in one place.

#include "gateway/error_mapping.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace auraos::gateway {

int http_status(errc code) {
  switch (code) {
    case errc::invalid:
      return 400;
    case errc::not_found:
      return 404;
    case errc::method_not_allowed:
      return 405;
    case errc::conflict:
      return 409;
    case errc::payload_too_large:
      return 413;
    case errc::headers_too_large:
      return 431;
    case errc::not_acceptable:
      return 406;
    case errc::unauthorized:
      return 401;
    case errc::forbidden:
      return 403;
    case errc::unsupported_media_type:
      return 415;
    case errc::uri_too_long:
      return 414;
    case errc::too_many_requests:
      return 429;
    case errc::invalid_definition:
    case errc::invalid_input:
      return 422;
    case errc::unavailable:
    case errc::fenced:  // another node owns the shard now: retry later, not a server fault
      return 503;
    case errc::internal:
      break;
  }
  return 500;
}

std::string_view code_name(errc code) {
  switch (code) {
    case errc::invalid:
      return "bad_request";
    case errc::fenced:
      return "unavailable";
    default:
      return to_string(code);
  }
}

api_error store_api_error(const persistence::store_error& error) {
  return make_error(error.code, error.message);
}

api_error execution_api_error(const actors::executions::execution_failure& failure) {
  auto error = make_error(failure.code, failure.message);
  error.details = std::make_shared<const nlohmann::json>(failure.details);
  return error;
}

api_error json_parse_api_error(const runtime::json_parse_error& error, std::string_view what) {
  auto api =
      make_error(errc::invalid, fmt::format("malformed JSON {}: {}", what, error.to_string()));
  api.details = std::make_shared<const nlohmann::json>(
      nlohmann::json::array({{{"line", error.line}, {"column", error.column}}}));
  return api;
}

}  // namespace auraos::gateway
