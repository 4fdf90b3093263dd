// json_template: parsing every string of a JSON value, collecting all errors with their paths.

#include "runtime/expr/json_template.hpp"

#include <cctype>

#include "runtime/expr/template_tree.hpp"

namespace auraos::runtime::expr {
namespace {

constexpr std::size_t max_template_depth = 256;

bool is_plain_key(const std::string& key) {
  if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) return false;
  for (unsigned char c : key) {
    if (!std::isalnum(c) && c != '_' && c != '-') return false;
  }
  return true;
}

std::string member_path(const std::string& parent, const std::string& key) {
  if (!is_plain_key(key)) return parent + "[" + nlohmann::json(key).dump() + "]";
  return parent.empty() ? key : parent + "." + key;
}

/// Parses the strings below `value` into a node; errors are appended to `errors`.
class template_parser {
 public:
  template_parser(const limits& bounds, std::vector<template_error>& errors)
      : bounds_(bounds), errors_(errors) {}

  template_node parse(const nlohmann::json& value, const std::string& path, std::size_t depth) {
    template_node node;
    if (depth > max_template_depth) {
      errors_.push_back({path, syntax_error{"", 0, "template nested deeper than 256 levels"}});
    } else if (value.is_string()) {
      node = parse_string(value.get_ref<const std::string&>(), path);
    } else if (value.is_array()) {
      node.type = template_node::node_type::array;
      for (std::size_t i = 0; i < value.size(); ++i) {
        node.items.push_back(parse(value[i], path + "[" + std::to_string(i) + "]", depth + 1));
      }
    } else if (value.is_object()) {
      node.type = template_node::node_type::object;
      for (auto it = value.begin(); it != value.end(); ++it) {
        node.keys.push_back(it.key());
        node.items.push_back(parse(it.value(), member_path(path, it.key()), depth + 1));
      }
    }
    if (node.type == template_node::node_type::constant && !value.is_string())
      node.constant = value;
    return node;
  }

 private:
  template_node parse_string(const std::string& text, const std::string& path) {
    template_node node;
    auto parts = parse_template_string(text, bounds_);
    if (!parts) {
      errors_.push_back({path, std::move(parts).error()});
      return node;
    }
    auto& list = parts.value();
    if (list.size() == 1 && !list[0].value) {
      node.constant = std::move(list[0].text);
      return node;
    }
    bool whole = list.size() == 1 && list[0].text.empty();
    node.type = whole ? template_node::node_type::whole : template_node::node_type::interpolated;
    node.parts = std::move(list);
    return node;
  }

  const limits& bounds_;
  std::vector<template_error>& errors_;
};

bool constant_node(const template_node& node) {
  using type = template_node::node_type;
  if (node.type == type::whole || node.type == type::interpolated) return false;
  for (const auto& item : node.items) {
    if (!constant_node(item)) return false;
  }
  return true;
}

}  // namespace

json_template::json_template() : tree_(std::make_shared<const template_tree>()) {}

json_template::json_template(std::shared_ptr<const template_tree> tree) : tree_(std::move(tree)) {}

result<json_template, std::vector<template_error>> json_template::parse(const nlohmann::json& value,
                                                                        const limits& bounds) {
  std::vector<template_error> errors;
  auto tree = std::make_shared<template_tree>();
  tree->source = value;
  tree->root = template_parser(bounds, errors).parse(value, "", 0);
  if (!errors.empty()) return fail(std::move(errors));
  return json_template(std::move(tree));
}

const nlohmann::json& json_template::source() const {
  return tree_->source;
}

bool json_template::is_constant() const {
  return constant_node(tree_->root);
}

}  // namespace auraos::runtime::expr
