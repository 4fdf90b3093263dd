#pragma once
// Comparing JSON the way the Protobuf mapping sees it: numbers by value, null and [] as absent.

#include <cstddef>

#include <nlohmann/json.hpp>

namespace auraos::test {

/// Drops null and empty-list members of objects, recursively: null and absent mean the same, and
/// a repeated field has no presence, so an answer written with its defaults shows an absent
/// list (a definition's `retryOn`, say) as [].
inline nlohmann::json without_nulls(const nlohmann::json& value) {
  if (value.is_array()) {
    auto out = nlohmann::json::array();
    for (const auto& each : value) out.push_back(without_nulls(each));
    return out;
  }
  if (!value.is_object()) return value;
  auto out = nlohmann::json::object();
  for (const auto& [key, member] : value.items())
    if (!member.is_null() && member != nlohmann::json::array()) out[key] = without_nulls(member);
  return out;
}

/// Equal as JSON, with numbers compared by value (3 equals 3.0).
inline bool same_json(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (const auto& [key, value] : a.items())
      if (!b.contains(key) || !same_json(value, b.at(key))) return false;
    return true;
  }
  if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same_json(a[i], b[i])) return false;
    return true;
  }
  return a == b;
}

}  // namespace auraos::test
