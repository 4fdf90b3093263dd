#include "runtime/events/event_names.hpp"

#include <cctype>

namespace auraos::runtime::events {

std::optional<std::string> name_problem(std::string_view name) {
  if (name.empty()) return "must not be empty";
  if (name.size() > max_name_length)
    return "must be at most " + std::to_string(max_name_length) + " characters, found " +
           std::to_string(name.size());
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '.' && c != '_' && c != ':' && c != '/' && c != '-')
      return "may hold only letters, digits and . _ : / - (found a byte 0x" +
             std::string{"0123456789abcdef"[c >> 4]} + "0123456789abcdef"[c & 15] + ")";
  return std::nullopt;
}

}  // namespace auraos::runtime::events
