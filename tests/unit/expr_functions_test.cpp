// Built-in functions and their method forms.

#include <chrono>

#include "expr_table.hpp"

using auraos::test::check_errors;
using auraos::test::check_values;

BOOST_AUTO_TEST_SUITE(expr_functions)

BOOST_AUTO_TEST_CASE(size_counts_code_points_and_elements) {
  check_values({{"size('héllo')", "5"},
                {"size('')", "0"},
                {"size([1, 2])", "2"},
                {"size({'a': 1})", "1"},
                {"'abc'.size()", "3"},
                {"input.tags.size()", "2"}});
  check_errors(
      {{"size(1)", "no such overload: size(int)"}, {"size(null)", "no such overload: size(null)"}});
}

BOOST_AUTO_TEST_CASE(conversions_follow_cel) {
  check_values({{"int(3)", "3"},
                {"int(3.9)", "3"},
                {"int(-3.9)", "-3"},
                {"int('42')", "42"},
                {"int('-7')", "-7"},
                {"double(2)", "2.0"},
                {"double('1e3')", "1000.0"},
                {"double(1.5)", "1.5"},
                {"string(12)", R"("12")"},
                {"string(1.5)", R"("1.5")"},
                {"string(100.0)", R"("100")"},
                {"string(1e21)", R"("1e+21")"},
                {"string(1e-7)", R"("1e-7")"},
                {"string(0.000001)", R"("0.000001")"},
                {"string(true)", R"("true")"},
                {"string('s')", R"("s")"},
                {"string(-0.5)", R"("-0.5")"}});
  check_errors({{"int(1e19)", "int() out of range"},
                {"int(0.0 / 0)", "int() out of range"},
                {"int('4x')", "int() cannot convert '4x'"},
                {"int('')", "cannot convert"},
                {"int(true)", "no such overload: int(bool)"},
                {"double('abc')", "double() cannot convert"},
                {"string(null)", "no such overload: string(null)"},
                {"string([1])", "no such overload: string(list)"}});
}

BOOST_AUTO_TEST_CASE(string_functions_work_as_functions_and_methods) {
  check_values({{"lower('AbC')", R"("abc")"},
                {"upper('AbC')", R"("ABC")"},
                {"'Ab'.lower()", R"("ab")"},
                {"'Ab'.upper()", R"("AB")"},
                {"contains('abc', 'b')", "true"},
                {"'abc'.contains('x')", "false"},
                {"startsWith('abc', 'ab')", "true"},
                {"'abc'.startsWith('b')", "false"},
                {"endsWith('abc', 'bc')", "true"},
                {"'abc'.endsWith('')", "true"},
                {"matches('abc', 'b')", "true"},
                {"'abc'.matches('^b')", "false"},
                {"input.name.matches('^[A-Z][a-z]+$')", "true"}});
  check_errors({{"contains(1, 'a')", "no such overload: contains(int, string)"},
                {"lower(1)", "no such overload: lower(int)"},
                {"'a'.matches('(')", "invalid regular expression '('"},
                {"matches('a', 1)", "no such overload"}});
}

BOOST_AUTO_TEST_CASE(now_formats_the_given_time_as_rfc3339_utc) {
  using namespace std::chrono;
  auto expr = auraos::runtime::expr::expression::parse("now()");
  BOOST_REQUIRE(expr);
  auraos::runtime::expr::evaluation_options options;
  options.now = sys_days{year{2026} / 11 / 26} + hours{10};
  BOOST_CHECK_EQUAL(expr->evaluate({}, options).value(), "2026-11-26T10:00:00Z");
  options.now = *options.now + milliseconds{250};
  BOOST_CHECK_EQUAL(expr->evaluate({}, options).value(), "2026-11-26T10:00:00.25Z");
  auto current = expr->evaluate({});
  BOOST_REQUIRE(current);
  BOOST_CHECK(current->get<std::string>().ends_with("Z"));
}

BOOST_AUTO_TEST_SUITE_END()
