// Arithmetic: int64 with overflow checks, doubles, mixed int/double promoted to double,
// string and list concatenation.

#include <cmath>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "runtime/expr/operators.hpp"
#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {
namespace {

value_result int_arithmetic(char op, std::int64_t x, std::int64_t y) {
  std::int64_t out = 0;
  bool overflow = false;
  switch (op) {
    case '+':
      overflow = __builtin_add_overflow(x, y, &out);
      break;
    case '-':
      overflow = __builtin_sub_overflow(x, y, &out);
      break;
    case '*':
      overflow = __builtin_mul_overflow(x, y, &out);
      break;
    default:
      if (y == 0) return fail(std::string(op == '/' ? "division by zero" : "modulus by zero"));
      if (x == std::numeric_limits<std::int64_t>::min() && y == -1) {
        if (op == '%') return nlohmann::json(std::int64_t{0});
        overflow = true;
      } else {
        out = op == '/' ? x / y : x % y;
      }
  }
  if (overflow) return fail(std::string("integer overflow"));
  return nlohmann::json(out);
}

value_result double_arithmetic(char op, double x, double y) {
  switch (op) {
    case '+':
      return nlohmann::json(x + y);
    case '-':
      return nlohmann::json(x - y);
    case '*':
      return nlohmann::json(x * y);
    default:
      return nlohmann::json(x / y);
  }
}

value_result concatenate(const nlohmann::json& a, const nlohmann::json& b, std::size_t max_size) {
  nlohmann::json out = a;
  if (a.is_string()) {
    if (a.get_ref<const std::string&>().size() + b.get_ref<const std::string&>().size() >
        max_size) {
      return fail("value larger than " + std::to_string(max_size) + " bytes");
    }
    out.get_ref<std::string&>() += b.get_ref<const std::string&>();
    return out;
  }
  if (a.size() + b.size() > max_size)
    return fail("list longer than " + std::to_string(max_size) + " elements");
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

}  // namespace

value_result arithmetic(char op, const nlohmann::json& a, const nlohmann::json& b,
                        std::size_t max_size) {
  auto ka = kind_of(a), kb = kind_of(b);
  std::string name(1, op);
  if (op == '+' && ka == kb && (ka == value_kind::string || ka == value_kind::list)) {
    return concatenate(a, b, max_size);
  }
  if (!is_number(a) || !is_number(b)) return fail(no_overload(name, a, b));
  if (ka == value_kind::integer && kb == value_kind::integer)
    return int_arithmetic(op, as_int(a), as_int(b));
  if (op == '%') return fail(no_overload(name, a, b));
  return double_arithmetic(op, as_double(a), as_double(b));
}

value_result apply_unary(std::string_view op, const nlohmann::json& a) {
  auto kind = kind_of(a);
  if (op == "!") {
    if (kind != value_kind::boolean)
      return fail("no such overload: !" + std::string(kind_name(kind)));
    return nlohmann::json(!a.get<bool>());
  }
  if (kind == value_kind::floating) return nlohmann::json(-a.get<double>());
  if (kind != value_kind::integer)
    return fail("no such overload: -" + std::string(kind_name(kind)));
  if (as_int(a) == std::numeric_limits<std::int64_t>::min())
    return fail(std::string("integer overflow"));
  return nlohmann::json(-as_int(a));
}

}  // namespace auraos::runtime::expr
