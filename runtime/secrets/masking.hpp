#pragma once
// Masking secret values, as CI systems mask secrets in logs: every plain occurrence of a secret
// in a text or a JSON value becomes "***" before it is stored, answered or logged
// (docs/security.md, "Secrets and key rotation").

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace auraos::runtime::secrets {

/// What a secret value reads as wherever it would be shown.
inline constexpr std::string_view mask = "***";

/// A set of plain secret values to mask (empty values are ignored: nothing to hide).
class secret_set {
 public:
  /// An empty set.
  secret_set() = default;
  /// The set of `values`.
  explicit secret_set(std::vector<std::string> values);

  /// Adds one value.
  void add(std::string value);
  /// True when there is nothing to mask.
  bool empty() const { return values_.empty(); }

  /// `text` with every occurrence of every value replaced by "***" (longer values first, so a
  /// value that contains another is masked whole).
  std::string masked(std::string_view text) const;
  /// `value` with every string and object key masked (numbers, booleans, null unchanged).
  nlohmann::json masked_json(const nlohmann::json& value) const;
  /// True when `text` contains one of the values.
  bool occurs_in(std::string_view text) const;

 private:
  void sort();

  std::vector<std::string> values_;  ///< Longest first.
};

}  // namespace auraos::runtime::secrets
