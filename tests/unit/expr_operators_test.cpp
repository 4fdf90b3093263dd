// Operators: arithmetic with overflow, comparisons, logic with error absorption, in, ternary.

#include "expr_table.hpp"

using auraos::test::check_errors;
using auraos::test::check_values;

BOOST_AUTO_TEST_SUITE(expr_operators)

BOOST_AUTO_TEST_CASE(arithmetic_keeps_int_and_promotes_mixed_to_double) {
  check_values({{"1 + 2 * 3", "7"},
                {"(1 + 2) * 3", "9"},
                {"1 / 2", "0"},
                {"-7 / 2", "-3"},
                {"7 % 2", "1"},
                {"-7 % 3", "-1"},
                {"1.0 / 2", "0.5"},
                {"1 + 1.5", "2.5"},
                {"2 * 0.5", "1.0"},
                {"1.0 / 0 > 1e308", "true"},
                {"0.1 + 0.2", "0.30000000000000004"},
                {"-(3)", "-3"},
                {"-input.pi", "-3.5"},
                {"'ab' + 'cd'", R"("abcd")"},
                {"[1] + [2, 3]", "[1,2,3]"},
                {"input.a * vars.count", "10"}});
}

BOOST_AUTO_TEST_CASE(int_overflow_and_division_by_zero_are_errors) {
  check_errors({{"9223372036854775807 + 1", "integer overflow"},
                {"-9223372036854775808 - 1", "integer overflow"},
                {"4611686018427387904 * 2", "integer overflow"},
                {"-(-9223372036854775808)", "integer overflow"},
                {"-9223372036854775808 / -1", "integer overflow"},
                {"1 / 0", "division by zero"},
                {"1 % 0", "modulus by zero"},
                {"1.5 % 2", "no such overload: double % int"},
                {"'a' + 1", "no such overload: string + int"},
                {"'a' - 'b'", "no such overload"},
                {"-'a'", "no such overload: -string"},
                {"big + 1", "no such overload: uint + int"}});
}

BOOST_AUTO_TEST_CASE(comparisons_order_numbers_strings_and_bools) {
  check_values({{"1 == 1.0", "true"},
                {"1 != 1.5", "true"},
                {"1 < 1.5", "true"},
                {"2 >= 2.0", "true"},
                {"'a' < 'b'", "true"},
                {"'b' <= 'a'", "false"},
                {"false < true", "true"},
                {"'a' == 1", "false"},
                {"null == null", "true"},
                {"[1, 'a'] == [1.0, 'a']", "true"},
                {"[1] == [1, 2]", "false"},
                {"{'a': 1} == {'a': 1.0}", "true"},
                {"{'a': 1} == {'b': 1}", "false"},
                {"input.nested.k == null", "true"},
                {"9223372036854775807 < 9223372036854775808.0", "true"},
                {"1.0/0 > 9223372036854775807", "true"},
                {"(0.0/0) == (0.0/0)", "false"}});
  check_errors({{"'a' < 1", "no such overload: string < int"},
                {"[1] < [2]", "no such overload: list < list"},
                {"null < 1", "no such overload: null < int"}});
}

BOOST_AUTO_TEST_CASE(logic_absorbs_errors_like_cel) {
  check_values({{"true && false", "false"},
                {"true || false", "true"},
                {"!true", "false"},
                {"false && (1 / 0 == 1)", "false"},
                {"(1 / 0 == 1) && false", "false"},
                {"true || (1 / 0 == 1)", "true"},
                {"(1 / 0 == 1) || true", "true"},
                {"false && 'x'", "false"},
                {"1 || true", "true"}});
  check_errors({{"true && (1 / 0 == 1)", "division by zero"},
                {"(1 / 0 == 1) || false", "division by zero"},
                {"true && 1", "no such overload: bool && int"},
                {"!1", "no such overload: !int"}});
}

BOOST_AUTO_TEST_CASE(in_tests_list_elements_and_map_keys) {
  check_values({{"1 in [1, 2]", "true"},
                {"1.0 in [1, 2]", "true"},
                {"'z' in ['a']", "false"},
                {"'a' in {'a': 1}", "true"},
                {"'x' in input.tags", "true"},
                {"'tags' in input", "true"},
                {"1 in {'a': 1}", "false"}});
  check_errors({{"1 in 1", "no such overload: int in int"},
                {"[1] in {'a': 1}", "no such overload: list in map"}});
}

BOOST_AUTO_TEST_CASE(ternary_needs_a_bool_condition_and_evaluates_one_branch) {
  check_values({{"input.a > 1 ? 'big' : 'small'", R"("big")"},
                {"false ? 1 / 0 : 2", "2"},
                {"true ? 1 : false ? 2 : 3", "1"},
                {"false ? 1 : false ? 2 : 3", "3"}});
  check_errors({{"1 ? 2 : 3", "no such overload: int ? _ : _"}});
}

BOOST_AUTO_TEST_SUITE_END()
