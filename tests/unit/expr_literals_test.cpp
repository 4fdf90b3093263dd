// Literals, escapes and syntax errors of the expression language.

#include "expr_table.hpp"

using auraos::test::check_syntax_errors;
using auraos::test::check_values;

BOOST_AUTO_TEST_SUITE(expr_literals)

BOOST_AUTO_TEST_CASE(number_literals_keep_int_and_double_kinds) {
  check_values({{"42", "42"},
                {"0x1F", "31"},
                {"0XfF", "255"},
                {"-7", "-7"},
                {"1.5", "1.5"},
                {"1e3", "1000.0"},
                {".5", "0.5"},
                {"2.5e-1", "0.25"},
                {"-9223372036854775808", "-9223372036854775808"},
                {"9223372036854775807", "9223372036854775807"},
                {"--3", "3"}});
}

BOOST_AUTO_TEST_CASE(string_literals_decode_cel_escapes) {
  check_values({{R"('a\nb')", R"("a\nb")"},
                {R"("q\"q")", R"("q\"q")"},
                {R"('\\')", R"("\\")"},
                {R"('\'\`\?')", R"("'`?")"},
                {R"('\a\b\f\r\t\v')", R"("\u0007\b\f\r\t\u000b")"},
                {R"('\x41')", R"("A")"},
                {R"('\101')", R"("A")"},
                {R"('\u00e9')", R"("é")"},
                {R"('\U0001F600')", R"("😀")"},
                {R"(r'\n')", R"("\\n")"},
                {R"(R"a\b")", R"("a\\b")"},
                {"'''a'b\nc'''", R"("a'b\nc")"},
                {R"("""x"y""")", R"("x\"y")"},
                {"'héllo'", R"("héllo")"}});
}

BOOST_AUTO_TEST_CASE(constants_lists_and_maps_build_json_values) {
  check_values({{"true", "true"},
                {"false", "false"},
                {"null", "null"},
                {"[]", "[]"},
                {"[1, 'a', [true],]", R"([1,"a",[true]])"},
                {"{}", "{}"},
                {"{'a': 1, \"b\": [2]}", R"({"a":1,"b":[2]})"},
                {"{'a' + 'b': 1}", R"({"ab":1})"}});
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_the_position) {
  check_syntax_errors({{"1 +", 3, "expected an operand, found end of input"},
                       {"(1", 2, "expected ')'"},
                       {"1 2", 2, "expected end of input, found number 2"},
                       {"'abc", 0, "unterminated string literal"},
                       {R"('\q')", 1, "invalid escape sequence"},
                       {R"('\uD800')", 1, "not a valid code point"},
                       {"b'abc'", 0, "bytes literals are not supported"},
                       {"12u", 0, "unsigned integer literals are not supported"},
                       {"9223372036854775808", 0, "integer literal out of range"},
                       {"a = 1", 2, "unexpected character '='"},
                       {"{1: 2}", 1, "map keys must be strings"},
                       {"foo(1)", 0, "unknown function 'foo'"},
                       {"size(1, 2)", 0, "'size' takes 1 argument"},
                       {"'a'.int()", 4, "unknown method 'int'"},
                       {"has(a)", 0, "has() takes one field selection"},
                       {"a.", 2, "expected a field name"},
                       {"1 ? 2", 5, "expected ':'"},
                       {"x\xff", 1, "invalid UTF-8"}});
}

BOOST_AUTO_TEST_CASE(syntax_error_text_shows_position_and_caret) {
  auto parsed = auraos::runtime::expr::expression::parse("1 +");
  BOOST_REQUIRE(!parsed);
  BOOST_CHECK_EQUAL(parsed.error().to_string(),
                    "position 4: expected an operand, found end of input");
  BOOST_CHECK_EQUAL(parsed.error().describe(),
                    "position 4: expected an operand, found end of input\n  1 +\n     ^");
  auto multiline = auraos::runtime::expr::expression::parse("1 +\n  * 2");
  BOOST_REQUIRE(!multiline);
  BOOST_CHECK_EQUAL(multiline.error().describe(),
                    "position 7: expected an operand, found '*'\n    * 2\n    ^");
}

BOOST_AUTO_TEST_SUITE_END()
