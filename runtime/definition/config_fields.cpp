#include "runtime/definition/config_fields.hpp"

#include <nlohmann/json.hpp>

#include "runtime/rfc3339.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;

bool is_non_negative(const json& value) {
  return value.is_number() && value.get<double>() >= 0;
}

bool exactly_one_of(const scope& at, const json& config, const char* first, const char* second) {
  bool has_first = member(config, first) != nullptr;
  if (has_first == (member(config, second) != nullptr)) {
    at.report("", std::string{"must have exactly one of \""} + first + "\" or \"" + second + "\"");
    return false;
  }
  return true;
}

}  // namespace

void typed_field(const scope& at, const json& config, std::string_view key, shape_test test,
                 std::string_view what) {
  const json* value = member(config, key);
  if (value && !is_whole_template(*value)) expect(at, key, *value, test(*value), what);
}

bool is_string(const json& value) {
  return value.is_string();
}
bool is_object(const json& value) {
  return value.is_object();
}
bool is_positive(const json& value) {
  return value.is_number() && value.get<double>() > 0;
}
bool is_options(const json& value) {
  return is_string_array(value) && !value.empty();
}

void check_delay(const scope& at, const json& config) {
  check_known_fields(at, config, {"seconds", "until"});
  exactly_one_of(at, config, "seconds", "until");
  typed_field(at, config, "seconds", is_non_negative, "a number greater than or equal to 0");
  const json* until = member(config, "until");
  if (!until || !expect(at, "until", *until, until->is_string(), "a string") ||
      has_template(*until))
    return;
  if (!parse_rfc3339(until->get_ref<const std::string&>()))
    at.report("until", "must be an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z), found \"" +
                           until->get<std::string>() + "\"");
}

void check_subworkflow(const scope& at, const json& config) {
  check_known_fields(at, config, {"workflowId", "file", "input"});
  exactly_one_of(at, config, "workflowId", "file");
  optional_string(at, config, "workflowId");
  optional_string(at, config, "file");
}

}  // namespace auraos::runtime::definition
