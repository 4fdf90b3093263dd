// Names, field access, indexes and has().

#include "expr_table.hpp"

using auraos::test::check_errors;
using auraos::test::check_values;

BOOST_AUTO_TEST_SUITE(expr_access)

BOOST_AUTO_TEST_CASE(fields_and_indexes_read_the_scope) {
  check_values({{"input.a", "5"},
                {"input['name']", R"("Ada")"},
                {"input.tags[1]", R"("y")"},
                {"{'a': {'b': [7]}}.a.b[0]", "7"},
                {"vars", R"({"count":2})"},
                {"[[1, 2]][0][1]", "2"}});
}

BOOST_AUTO_TEST_CASE(missing_fields_and_unknown_names_yield_null) {
  check_values({{"input.missing", "null"},
                {"input.missing.deeper", "null"},
                {"nobody", "null"},
                {"nobody.field", "null"},
                {"input['missing']", "null"},
                {"input.nested.k.x", "null"},
                {"null[0]", "null"}});
}

BOOST_AUTO_TEST_CASE(bad_access_is_an_evaluation_error) {
  check_errors({{"input.a.b", "no such field 'b' on int"},
                {"input.tags[2]", "index 2 out of range (size 2)"},
                {"input.tags[-1]", "index -1 out of range"},
                {"input.tags['a']", "no such overload: list [] string"},
                {"input.tags[1.0]", "no such overload: list [] double"},
                {"'abc'[0]", "no such overload: string [] int"},
                {"{1 + 1: 2}", "map keys must be strings, not int"},
                {"{'a': 1, 'a': 2}", "repeated map key 'a'"}});
}

BOOST_AUTO_TEST_CASE(has_tests_presence_of_a_field) {
  check_values({{"has(input.a)", "true"},
                {"has(input.nested.k)", "true"},
                {"has(input.zzz)", "false"},
                {"has(nobody.x)", "false"},
                {"has(input.missing.x)", "false"},
                {"has({'a': 1}.a)", "true"}});
  check_errors({{"has(input.a.b)", "has() on a field of int"}});
}

BOOST_AUTO_TEST_SUITE_END()
