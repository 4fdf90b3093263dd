#include "runtime/definition/scope.hpp"

namespace auraos::runtime::definition {

std::string definition_error::to_string() const {
  std::string text = node_id.empty() ? definition::join_path(location, field) : location;
  if (!node_id.empty()) {
    text += " (id \"" + node_id + "\")";
    if (!field.empty()) text += ": " + field;
  }
  return text.empty() ? message : text + ": " + message;
}

}  // namespace auraos::runtime::definition

namespace auraos::runtime::definition {

std::string join_path(std::string_view head, std::string_view tail) {
  if (head.empty()) return std::string{tail};
  if (tail.empty()) return std::string{head};
  std::string joined{head};
  if (tail.front() != '[') joined += '.';
  return joined += tail;
}

scope scope::element(std::string location, std::string node_id) const {
  scope inner{*errors_};
  inner.location_ = join_path(location_, join_path(prefix_, location));
  inner.node_id_ = std::move(node_id);
  return inner;
}

scope scope::field(std::string_view name) const {
  scope inner = *this;
  inner.prefix_ = join_path(prefix_, name);
  return inner;
}

void scope::report(std::string_view name, std::string message) const {
  errors_->push_back({location_, node_id_, join_path(prefix_, name), std::move(message)});
}

}  // namespace auraos::runtime::definition
