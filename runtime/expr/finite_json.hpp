#pragma once
// Whether a value can leave the expression language as JSON: no infinity, no NaN.

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace auraos::runtime::expr {

/// A double that JSON text cannot carry, and where it is.
struct non_finite_value {
  /// "+infinity", "-infinity" or "NaN".
  std::string what;
  /// Its place below the value's root, e.g. `[1]["a"]`; empty for the root itself.
  std::string path;
};

/// The first non-finite double in `value` (depth first), if any.
std::optional<non_finite_value> first_non_finite(const nlohmann::json& value);

}  // namespace auraos::runtime::expr
