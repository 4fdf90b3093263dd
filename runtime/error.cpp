// Names of the project's error codes.
#include "runtime/error.hpp"

#include <ostream>

namespace auraos {

std::string_view to_string(errc code) {
  switch (code) {
    case errc::not_found:
      return "not_found";
    case errc::conflict:
      return "conflict";
    case errc::fenced:
      return "fenced";
    case errc::unavailable:
      return "unavailable";
    case errc::invalid:
      return "invalid";
    case errc::internal:
      break;
    case errc::invalid_input:
      return "invalid_input";
    case errc::invalid_definition:
      return "invalid_definition";
    case errc::method_not_allowed:
      return "method_not_allowed";
    case errc::payload_too_large:
      return "payload_too_large";
    case errc::headers_too_large:
      return "headers_too_large";
    case errc::unsupported_media_type:
      return "unsupported_media_type";
    case errc::not_acceptable:
      return "not_acceptable";
    case errc::too_many_requests:
      return "too_many_requests";
    case errc::uri_too_long:
      return "uri_too_long";
    case errc::unauthorized:
      return "unauthorized";
    case errc::forbidden:
      return "forbidden";
  }
  return "internal";
}

std::ostream& operator<<(std::ostream& out, errc code) {
  return out << to_string(code);
}

}  // namespace auraos
