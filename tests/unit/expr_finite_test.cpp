// Results that leave the language as JSON: infinity and NaN are evaluation errors there,
// while CEL's own arithmetic keeps them inside an expression.

#include <cmath>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/expr/expression.hpp"
#include "runtime/expr/finite_json.hpp"
#include "runtime/expr/json_template.hpp"

using auraos::runtime::expr::expression;
using auraos::runtime::expr::first_non_finite;
using auraos::runtime::expr::json_template;
using nlohmann::json;

namespace {

expression parse(const std::string& source) {
  auto parsed = expression::parse(source);
  BOOST_REQUIRE_MESSAGE(parsed, source);
  return parsed.value();
}

/// The error message of evaluate_json, or "" when it succeeded.
std::string json_error(const std::string& source) {
  auto value = parse(source).evaluate_json(json::object());
  return value ? "" : value.error().message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(expr_finite)

BOOST_AUTO_TEST_CASE(cel_arithmetic_still_yields_infinity_inside_an_expression) {
  auto value = parse("1.0 / 0.0").evaluate(json::object());
  BOOST_REQUIRE(value);
  BOOST_TEST(std::isinf(value->get<double>()));
  BOOST_CHECK_EQUAL(parse("1.0 / 0.0 > 1e300").evaluate_json(json::object()).value(), json(true));
}

BOOST_AUTO_TEST_CASE(a_non_finite_json_result_is_an_error_naming_the_expression) {
  BOOST_CHECK_EQUAL(json_error("1.0 / 0.0"),
                    "expression \"1.0 / 0.0\": the result is +infinity, which JSON cannot carry");
  BOOST_CHECK_EQUAL(json_error("-1e400"),
                    "expression \"-1e400\": the result is -infinity, which JSON cannot carry");
  BOOST_CHECK_EQUAL(json_error("0.0 / 0.0"),
                    "expression \"0.0 / 0.0\": the result is NaN, which JSON cannot carry");
}

BOOST_AUTO_TEST_CASE(a_non_finite_value_nested_in_the_result_is_found_with_its_path) {
  BOOST_CHECK_EQUAL(json_error("[1.0, {'a': 1e400}]"),
                    "expression \"[1.0, {'a': 1e400}]\": the result holds at [1][\"a\"] "
                    "+infinity, which JSON cannot carry");
  BOOST_CHECK(!first_non_finite(json::parse(R"({"a": [1, 2.5, "x", null]})")));
}

BOOST_AUTO_TEST_CASE(finite_results_pass_unchanged) {
  BOOST_CHECK_EQUAL(parse("1.5e300 * 2.0").evaluate_json(json::object()).value(), json(3e300));
  BOOST_CHECK_EQUAL(json_error("[1, 'x', null]"), "");
}

BOOST_AUTO_TEST_CASE(a_template_whose_typed_value_is_not_finite_fails_to_render) {
  auto tpl = json_template::parse(json{{"ratio", "${1.0 / 0.0}"}});
  BOOST_REQUIRE(tpl);
  auto rendered = tpl->render(json::object());
  BOOST_REQUIRE(!rendered);
  BOOST_CHECK_EQUAL(rendered.error().message,
                    "expression \"1.0 / 0.0\": the result is +infinity, which JSON cannot carry");
}

BOOST_AUTO_TEST_CASE(interpolation_writes_non_finite_values_as_text) {
  auto tpl = json_template::parse(json("ratio ${1.0 / 0.0}"));
  BOOST_REQUIRE(tpl);
  auto rendered = tpl->render(json::object());
  BOOST_REQUIRE(rendered);
  BOOST_CHECK_EQUAL(rendered.value(), json("ratio Infinity"));
}

BOOST_AUTO_TEST_SUITE_END()
