#include "runtime/events/patterns/rule_fields.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"

namespace auraos::runtime::events::patterns {
namespace {

using nlohmann::json;
namespace def = definition;

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '/' || c == '-';
}

/// Splits "a.b.c" at dots; nullopt when a part is empty.
std::optional<std::vector<std::string>> split_path(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto dot = text.find('.', start);
    auto part = text.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty()) return std::nullopt;
    parts.emplace_back(part);
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

}  // namespace

bool is_event_name(std::string_view text) {
  return !text.empty() && text.size() <= 100 && std::all_of(text.begin(), text.end(), is_name_char);
}

std::optional<std::string> read_event_name(const def::scope& at, const json& object,
                                           std::string_view key) {
  auto text = def::required_string(at, object, key);
  if (text && !is_event_name(*text)) {
    at.report(key, "must be 1 to 100 characters of A-Z a-z 0-9 . _ : / -");
    return std::nullopt;
  }
  return text;
}

std::optional<event_step> read_step(const def::scope& at, const json& object) {
  auto errors = at.error_count();
  event_step step;
  step.type = read_event_name(at, object, "type").value_or("");
  step.where = def::read_expression(at, object, "where");
  if (at.error_count() != errors) return std::nullopt;
  return step;
}

std::optional<event_step> read_step_at(const def::scope& at, const json& object,
                                       std::string_view key) {
  const json* value = def::member(object, key);
  if (!value) {
    at.report(key, "required");
    return std::nullopt;
  }
  if (!def::expect(at, key, *value, value->is_object(), "an object")) return std::nullopt;
  auto inner = at.field(key);
  def::check_known_fields(inner, *value, {"type", "where"});
  return read_step(inner, *value);
}

std::optional<by_path> read_by(const def::scope& at, const json& object) {
  auto text = def::optional_string(at, object, "by");
  if (!text) return std::nullopt;
  by_path by{*text, *text == "correlationId", {}};
  if (by.correlation) return by;
  auto parts = text->size() <= max_by_length ? split_path(*text) : std::nullopt;
  if (parts && parts->front() == "data") parts->erase(parts->begin());
  if (!parts || parts->empty()) {
    at.report("by",
              "must be \"correlationId\" or a data field path like \"orderId\" or "
              "\"data.order.id\" (at most 200 characters)");
    return std::nullopt;
  }
  by.data_path = std::move(*parts);
  return by;
}

std::optional<double> read_seconds(const def::scope& at, const json& object, std::string_view key,
                                   double max) {
  if (!def::member(object, key)) {
    at.report(key, "required");
    return std::nullopt;
  }
  auto seconds = def::positive_number(at, object, key);
  if (!seconds) return std::nullopt;
  if (*seconds < 0.001 || *seconds > max) {
    at.report(key, "must be between 0.001 and " + std::to_string(static_cast<long long>(max)) +
                       " seconds");
    return std::nullopt;
  }
  return seconds;
}

}  // namespace auraos::runtime::events::patterns
