// json_template::render: typed values for whole-string expressions, text for interpolations.

#include <nlohmann/json.hpp>

#include "runtime/expr/json_template.hpp"
#include "runtime/expr/operators.hpp"
#include "runtime/expr/template_tree.hpp"
#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {
namespace {

using rendered = result<nlohmann::json, evaluation_error>;

/// The text a value interpolates as.
std::string interpolation_text(const nlohmann::json& value) {
  switch (kind_of(value)) {
    case value_kind::string:
      return value.get<std::string>();
    case value_kind::integer:
      return std::to_string(as_int(value));
    case value_kind::floating:
      return format_double(value.get<double>());
    case value_kind::boolean:
      return value.get<bool>() ? "true" : "false";
    case value_kind::null:
      return "null";
    default:
      return dump_compact(value);
  }
}

rendered render_string(const template_node& node, const nlohmann::json& scope,
                       const evaluation_options& options) {
  std::string text;
  for (const auto& part : node.parts) {
    text += part.text;
    if (!part.value) continue;
    auto value = part.value->evaluate(scope, options);
    if (!value) return value;
    text += interpolation_text(value.value());
    if (text.size() > options.bounds.max_value_size) {
      return fail(evaluation_error{"template string larger than " +
                                   std::to_string(options.bounds.max_value_size) + " bytes"});
    }
  }
  return nlohmann::json(std::move(text));
}

rendered render_node(const template_node& node, const nlohmann::json& scope,
                     const evaluation_options& options) {
  using type = template_node::node_type;
  switch (node.type) {
    case type::constant:
      return node.constant;
    case type::whole:
      return node.parts[0].value->evaluate_json(scope, options);
    case type::interpolated:
      return render_string(node, scope, options);
    case type::array: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& item : node.items) {
        auto value = render_node(item, scope, options);
        if (!value) return value;
        out.push_back(std::move(value).value());
      }
      return out;
    }
    case type::object:
      break;
  }
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    auto value = render_node(node.items[i], scope, options);
    if (!value) return value;
    out[node.keys[i]] = std::move(value).value();
  }
  return out;
}

}  // namespace

result<nlohmann::json, evaluation_error> json_template::render(
    const nlohmann::json& scope, const evaluation_options& options) const {
  return render_node(tree_->root, scope, options);
}

}  // namespace auraos::runtime::expr
