#include "runtime/definition/fields.hpp"

#include <algorithm>
#include <cmath>
#include <regex>

#include <nlohmann/json.hpp>

#include "runtime/uuid.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_field_message(std::string_view key,
                                  std::initializer_list<std::string_view> allowed) {
  for (auto candidate : allowed) {
    auto distance = edit_distance(key, candidate);
    if (distance <= 2 && distance * 3 <= key.size())
      return "unknown field (did you mean \"" + std::string{candidate} + "\"?)";
  }
  return "unknown field";
}

}  // namespace

std::string_view type_name(const json& value) {
  if (value.is_number()) return "number";
  return value.type_name();
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

void check_known_fields(const scope& at, const json& object,
                        std::initializer_list<std::string_view> allowed) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      at.report(key, unknown_field_message(key, allowed));
  }
}

bool expect(const scope& at, std::string_view key, const json& value, bool ok,
            std::string_view what) {
  if (ok) return ok;
  auto found = type_name(value);
  // "must be a number greater than 0" needs no ", found number".
  auto names = [&](std::string_view article) {
    return what.find(std::string{article} + std::string{found}) != std::string_view::npos;
  };
  bool same_kind = names("a ") || names("an ") || names("non-empty ");
  auto shown = value.is_number() ? value.dump() : std::string{found};
  at.report(key, "must be " + std::string{what} + (same_kind ? "" : ", found " + shown));
  return ok;
}

bool is_identifier(std::string_view text) {
  static const std::regex identifier{"[A-Za-z_][A-Za-z0-9_-]*"};
  return std::regex_match(text.begin(), text.end(), identifier);
}

bool is_definition_id(std::string_view text) {
  return is_identifier(text) || is_uuid(text);
}

bool is_whole_template(const json& value) {
  if (!value.is_string()) return false;
  const auto& text = value.get_ref<const std::string&>();
  return text.size() >= 3 && text.starts_with("${") && text.ends_with("}") &&
         text.find("${", 2) == std::string::npos;
}

bool has_template(const json& value) {
  return value.is_string() && value.get_ref<const std::string&>().find("${") != std::string::npos;
}

bool is_integral(const json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  double number = value.get<double>();
  return std::isfinite(number) && std::trunc(number) == number;
}

bool is_string_array(const json& value) {
  return value.is_array() &&
         std::all_of(value.begin(), value.end(), [](const json& e) { return e.is_string(); });
}

bool is_string_object(const json& value) {
  return value.is_object() &&
         std::all_of(value.begin(), value.end(), [](const json& e) { return e.is_string(); });
}

bool is_scalar_object(const json& value) {
  return value.is_object() && std::all_of(value.begin(), value.end(), [](const json& e) {
           return e.is_string() || e.is_number() || e.is_boolean();
         });
}

std::optional<std::string> optional_string(const scope& at, const json& object,
                                           std::string_view key) {
  const json* value = member(object, key);
  if (!value || !expect(at, key, *value, value->is_string(), "a string")) return std::nullopt;
  return value->get<std::string>();
}

std::optional<std::string> required_string(const scope& at, const json& object,
                                           std::string_view key) {
  if (!member(object, key)) {
    at.report(key, "required");
    return std::nullopt;
  }
  return optional_string(at, object, key);
}

std::optional<double> positive_number(const scope& at, const json& object, std::string_view key) {
  const json* value = member(object, key);
  bool ok = value && value->is_number() && value->get<double>() > 0;
  if (!value || !expect(at, key, *value, ok, "a number greater than 0")) return std::nullopt;
  return value->get<double>();
}

std::optional<std::int64_t> integer_between(const scope& at, const json& object,
                                            std::string_view key, std::int64_t min,
                                            std::int64_t max) {
  const json* value = member(object, key);
  if (!value) return std::nullopt;
  bool ok = is_integral(*value) && value->get<double>() >= static_cast<double>(min) &&
            value->get<double>() <= static_cast<double>(max);
  if (!expect(at, key, *value, ok,
              "an integer from " + std::to_string(min) + " to " + std::to_string(max)))
    return std::nullopt;
  return static_cast<std::int64_t>(value->get<double>());
}

std::optional<std::vector<std::string>> string_list(const scope& at, const json& object,
                                                    std::string_view key) {
  const json* value = member(object, key);
  if (!value || !expect(at, key, *value, is_string_array(*value), "an array of strings"))
    return std::nullopt;
  return value->get<std::vector<std::string>>();
}

std::optional<std::string> one_of(const scope& at, const json& object, std::string_view key,
                                  std::initializer_list<std::string_view> choices) {
  const json* value = member(object, key);
  if (!value) return std::nullopt;
  if (value->is_string() && std::find(choices.begin(), choices.end(),
                                      value->get_ref<const std::string&>()) != choices.end())
    return value->get<std::string>();
  std::string list;
  for (auto choice : choices) list += (list.empty() ? "\"" : ", \"") + std::string{choice} + "\"";
  at.report(key, "must be one of " + list + ", found " + value->dump());
  return std::nullopt;
}

}  // namespace auraos::runtime::definition
