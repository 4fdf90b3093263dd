// Dispatch of built-in functions and the string functions.

#include "runtime/expr/functions.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {
namespace {

std::string signature(const char* name, const std::vector<nlohmann::json>& args) {
  std::string out = std::string("no such overload: ") + name + "(";
  for (std::size_t i = 0; i < args.size(); ++i)
    out += (i ? ", " : "") + std::string(kind_name(args[i]));
  return out + ")";
}

value_result change_case(const char* name, const std::vector<nlohmann::json>& args, bool upper) {
  if (!args[0].is_string()) return fail(signature(name, args));
  std::string text = args[0].get<std::string>();
  std::transform(text.begin(), text.end(), text.begin(), [upper](unsigned char c) {
    return static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
  });
  return nlohmann::json(std::move(text));
}

value_result text_test(function_id id, const char* name, const std::vector<nlohmann::json>& args) {
  if (!args[0].is_string() || !args[1].is_string()) return fail(signature(name, args));
  std::string_view text = args[0].get_ref<const std::string&>();
  std::string_view part = args[1].get_ref<const std::string&>();
  bool holds = id == function_id::contains      ? text.find(part) != std::string_view::npos
               : id == function_id::starts_with ? text.starts_with(part)
                                                : text.ends_with(part);
  return nlohmann::json(holds);
}

}  // namespace

value_result call_function(function_id id, const std::vector<nlohmann::json>& args,
                           const evaluation_options& options) {
  switch (id) {
    case function_id::size:
      return size_of(args[0]);
    case function_id::to_int:
      return to_int(args[0]);
    case function_id::to_double:
      return to_double(args[0]);
    case function_id::to_string:
      return to_string(args[0]);
    case function_id::lower:
      return change_case("lower", args, false);
    case function_id::upper:
      return change_case("upper", args, true);
    case function_id::contains:
      return text_test(id, "contains", args);
    case function_id::starts_with:
      return text_test(id, "startsWith", args);
    case function_id::ends_with:
      return text_test(id, "endsWith", args);
    case function_id::matches:
      return regex_matches(args[0], args[1]);
    case function_id::now:
      return now_text(options);
  }
  return fail(std::string("unknown function"));
}

value_result size_of(const nlohmann::json& value) {
  if (value.is_string())
    return nlohmann::json(
        static_cast<std::int64_t>(utf8_length(value.get_ref<const std::string&>())));
  if (value.is_array() || value.is_object())
    return nlohmann::json(static_cast<std::int64_t>(value.size()));
  return fail("no such overload: size(" + std::string(kind_name(value)) + ")");
}

value_result evaluator::eval_call(const ast_node& node) {
  std::vector<nlohmann::json> args;
  args.reserve(node.children.size());
  for (const auto& child : node.children) {
    auto arg = eval(*child);
    if (!arg) return arg;
    args.push_back(std::move(arg).value());
  }
  return call_function(node.function, args, options_);
}

}  // namespace auraos::runtime::expr
