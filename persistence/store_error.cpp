#include "persistence/store_error.hpp"

namespace auraos::persistence {

std::string_view to_string(store_errc code) {
  switch (code) {
    case store_errc::not_found:
      return "not_found";
    case store_errc::conflict:
      return "conflict";
    case store_errc::fenced:
      return "fenced";
    case store_errc::unavailable:
      return "unavailable";
    case store_errc::invalid:
      return "invalid";
    case store_errc::internal:
      break;
  }
  return "internal";
}

}  // namespace auraos::persistence
