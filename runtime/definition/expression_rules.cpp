// Expressions and templates (`when`, `where`, `output`, config strings) and `triggers`.

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;

std::string syntax_message(std::size_t offset, const std::string& message) {
  return "syntax error at position " + std::to_string(offset) + ": " + message;
}

trigger read_trigger(const scope& at, const json& value) {
  trigger result;
  if (!expect(at, "", value, value.is_object(), "an object")) return result;
  check_known_fields(at, value, {"event", "input"});
  const json* event = member(value, "event");
  if (!event) at.report("event", "required");
  if (event && expect(at, "event", *event, event->is_object(), "an object")) {
    auto inner = at.field("event");
    check_known_fields(inner, *event, {"type", "source", "where"});
    result.event_type = required_string(inner, *event, "type").value_or("");
    result.event_source = optional_string(inner, *event, "source");
    result.where = read_expression(inner, *event, "where");
  }
  if (const json* input = member(value, "input")) result.input = read_template(at, "input", *input);
  return result;
}

}  // namespace

std::optional<expr::expression> read_expression(const scope& at, const json& object,
                                                std::string_view key) {
  const json* value = member(object, key);
  if (!value || !expect(at, key, *value, value->is_string(), "a string")) return std::nullopt;
  std::string_view source = value->get_ref<const std::string&>();
  std::size_t shift = 0;
  if (is_whole_template(*value)) {
    source = source.substr(2, source.size() - 3);
    shift = 2;
  }
  auto parsed = expr::expression::parse(source);
  if (parsed) return std::move(parsed).value();
  at.report(key, syntax_message(parsed.error().offset + shift, parsed.error().message));
  return std::nullopt;
}

std::optional<expr::json_template> read_template(const scope& at, std::string_view key,
                                                 const json& value) {
  auto parsed = expr::json_template::parse(value);
  if (parsed) return std::move(parsed).value();
  for (const auto& problem : parsed.error())
    at.report(join_path(key, problem.path),
              syntax_message(problem.error.offset, problem.error.message));
  return std::nullopt;
}

std::vector<trigger> read_triggers(const scope& root, const json& document) {
  std::vector<trigger> triggers;
  const json* list = member(document, "triggers");
  if (!list || !expect(root, "triggers", *list, list->is_array(), "an array")) return triggers;
  for (std::size_t i = 0; i < list->size(); ++i)
    triggers.push_back(
        read_trigger(root.element("triggers[" + std::to_string(i) + "]"), (*list)[i]));
  return triggers;
}

}  // namespace auraos::runtime::definition
