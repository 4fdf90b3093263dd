// Checks of names and ids of events.

#include "runtime/events/event_fields.hpp"

#include <algorithm>

namespace auraos::runtime::events {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '/' || c == '-';
}

bool is_control(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

}  // namespace

std::optional<std::string> name_problem(std::string_view text) {
  if (text.empty()) return "must not be empty";
  if (text.size() > max_name_length)
    return "must be at most " + std::to_string(max_name_length) + " characters, got " +
           std::to_string(text.size());
  if (!std::all_of(text.begin(), text.end(), is_name_char))
    return "may hold only letters, digits and . _ : / - (got '" + std::string{text} + "')";
  return std::nullopt;
}

std::optional<std::string> id_problem(std::string_view text) {
  if (text.empty()) return "must not be empty";
  if (text.size() > max_id_length)
    return "must be at most " + std::to_string(max_id_length) + " bytes, got " +
           std::to_string(text.size());
  if (std::any_of(text.begin(), text.end(), is_control))
    return "must not hold control characters";
  return std::nullopt;
}

}  // namespace auraos::runtime::events
