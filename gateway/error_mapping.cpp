// Every project error mapped to its API error, in one place.

#include "gateway/error_mapping.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace auraos::gateway {

api_error store_api_error(const persistence::store_error& error) {
  using persistence::store_errc;
  switch (error.code) {
    case store_errc::not_found:
      return make_error(error_code::not_found, error.message);
    case store_errc::conflict:
      return make_error(error_code::conflict, error.message);
    case store_errc::invalid:
      return make_error(error_code::bad_request, error.message);
    case store_errc::unavailable:
      return make_error(error_code::unavailable, error.message);
    default:
      return make_error(error_code::internal, error.message);
  }
}

api_error execution_api_error(const actors::execution_failure& failure) {
  using actors::execution_errc;
  auto code = error_code::internal;
  switch (failure.code) {
    case execution_errc::not_found:
      code = error_code::not_found;
      break;
    case execution_errc::conflict:
      code = error_code::conflict;
      break;
    case execution_errc::invalid_input:
      code = error_code::invalid_input;
      break;
    case execution_errc::bad_request:
      code = error_code::bad_request;
      break;
    case execution_errc::unavailable:
      code = error_code::unavailable;
      break;
    case execution_errc::internal:
      break;
  }
  auto error = make_error(code, failure.message);
  error.details = std::make_shared<const nlohmann::json>(failure.details);
  return error;
}

api_error json_parse_api_error(const runtime::json_parse_error& error, std::string_view what) {
  auto api = make_error(error_code::bad_request,
                        fmt::format("malformed JSON {}: {}", what, error.to_string()));
  api.details = std::make_shared<const nlohmann::json>(
      nlohmann::json::array({{{"line", error.line}, {"column", error.column}}}));
  return api;
}

}  // namespace auraos::gateway
