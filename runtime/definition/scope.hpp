#pragma once
// Where the validator is inside a definition, and where its errors go (internal).

#include <string>
#include <string_view>
#include <vector>

#include "runtime/definition/parse.hpp"

namespace auraos::runtime::definition {

/// Joins two parts of a JSON path: "a" + "b" is "a.b", "a" + "[0]" is "a[0]".
std::string join_path(std::string_view head, std::string_view tail);

/// A position in the document (location, node id, field prefix) plus the error list.
class scope {
 public:
  /// The document's root, collecting into `errors`.
  explicit scope(std::vector<definition_error>& errors) : errors_(&errors) {}

  /// A scope at an element of the document, e.g. ("nodes[2]", "charge").
  scope element(std::string location, std::string node_id = {}) const;
  /// A scope for a field below this one, e.g. "config" then "command".
  scope field(std::string_view name) const;

  /// Records an error at `name` below this scope (empty: at this scope itself).
  void report(std::string_view name, std::string message) const;
  /// The number of errors recorded so far (to tell whether a part added any).
  std::size_t error_count() const { return errors_->size(); }

 private:
  std::vector<definition_error>* errors_;
  std::string location_;
  std::string node_id_;
  std::string prefix_;
};

}  // namespace auraos::runtime::definition
