// CEL equality and ordering of values, numbers compared exactly across int and double.

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {
namespace {

/// Orders an int against a double exactly; empty when the double is NaN.
std::optional<int> compare_int_double(std::int64_t i, double d) {
  if (std::isnan(d)) return std::nullopt;
  constexpr double two_63 = 9223372036854775808.0;
  if (d >= two_63) return -1;
  if (d < -two_63) return 1;
  double whole = std::trunc(d);
  auto w = static_cast<std::int64_t>(whole);
  if (i != w) return i < w ? -1 : 1;
  if (d == whole) return 0;
  return d > whole ? -1 : 1;
}

std::optional<int> compare_numbers(const nlohmann::json& a, const nlohmann::json& b) {
  bool a_int = kind_of(a) == value_kind::integer;
  bool b_int = kind_of(b) == value_kind::integer;
  if (a_int && b_int) {
    auto x = as_int(a), y = as_int(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a_int) return compare_int_double(as_int(a), as_double(b));
  if (b_int) {
    auto reversed = compare_int_double(as_int(b), as_double(a));
    if (reversed) return -*reversed;
    return std::nullopt;
  }
  double x = as_double(a), y = as_double(b);
  if (std::isnan(x) || std::isnan(y)) return std::nullopt;
  return x < y ? -1 : x > y ? 1 : 0;
}

result<bool, std::string> lists_equal(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto same = values_equal(a[i], b[i]);
    if (!same || !same.value()) return same;
  }
  return true;
}

result<bool, std::string> maps_equal(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.size() != b.size()) return false;
  for (auto it = a.begin(); it != a.end(); ++it) {
    auto other = b.find(it.key());
    if (other == b.end()) return false;
    auto same = values_equal(it.value(), *other);
    if (!same || !same.value()) return same;
  }
  return true;
}

}  // namespace

result<bool, std::string> values_equal(const nlohmann::json& a, const nlohmann::json& b) {
  auto ka = kind_of(a), kb = kind_of(b);
  if (ka == value_kind::uint || kb == value_kind::uint) return fail(no_overload("==", a, b));
  if (is_number(a) && is_number(b)) {
    auto order = compare_numbers(a, b);
    return order.has_value() && *order == 0;
  }
  if (ka != kb) return false;
  switch (ka) {
    case value_kind::list:
      return lists_equal(a, b);
    case value_kind::map:
      return maps_equal(a, b);
    default:
      return a == b;
  }
}

result<std::optional<int>, std::string> values_compare(const nlohmann::json& a,
                                                       const nlohmann::json& b,
                                                       std::string_view op) {
  if (is_number(a) && is_number(b)) return compare_numbers(a, b);
  auto ka = kind_of(a);
  if (ka != kind_of(b) || (ka != value_kind::string && ka != value_kind::boolean)) {
    return fail(no_overload(op, a, b));
  }
  if (ka == value_kind::boolean) return std::optional<int>(int(a.get<bool>()) - int(b.get<bool>()));
  int order = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
  return std::optional<int>(order < 0 ? -1 : order > 0 ? 1 : 0);
}

}  // namespace auraos::runtime::expr
