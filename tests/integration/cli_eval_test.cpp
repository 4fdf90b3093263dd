// `auraos eval`: output and exit codes of the real binary.

#include <fstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/process.hpp"

using auraos::test::auraos_binary;
using auraos::test::run_process;

BOOST_AUTO_TEST_SUITE(cli_eval)

BOOST_AUTO_TEST_CASE(prints_the_value_as_json) {
  auto run = run_process({auraos_binary(), "eval", "1 + 2 * 3"});
  BOOST_CHECK_EQUAL(run.exit_code, 0);
  BOOST_CHECK_EQUAL(run.out, "7\n");
  auto list = run_process({auraos_binary(), "eval", "[1.0 / 2, 'a', null, {'k': true}]"});
  BOOST_CHECK_EQUAL(list.exit_code, 0);
  BOOST_CHECK_EQUAL(list.out, "[0.5,\"a\",null,{\"k\":true}]\n");
}

BOOST_AUTO_TEST_CASE(context_provides_the_names_in_scope) {
  auto run = run_process({auraos_binary(), "eval", "input.a > 1 ? 'big' : 'small'", "--context",
                          R"({"input":{"a":5}})"});
  BOOST_CHECK_EQUAL(run.exit_code, 0);
  BOOST_CHECK_EQUAL(run.out, "\"big\"\n");
  std::string path = std::string(P_tmpdir) + "/auraos_eval_context.json";
  std::ofstream(path) << R"({"vars": {"n": 41}})";
  auto from_file = run_process({auraos_binary(), "eval", "vars.n + 1", "--context", "@" + path});
  BOOST_CHECK_EQUAL(from_file.exit_code, 0);
  BOOST_CHECK_EQUAL(from_file.out, "42\n");
}

BOOST_AUTO_TEST_CASE(syntax_error_exits_2_showing_the_position) {
  auto run = run_process({auraos_binary(), "eval", "1 +"});
  BOOST_CHECK_EQUAL(run.exit_code, 2);
  BOOST_CHECK(run.out.empty());
  BOOST_CHECK_MESSAGE(
      run.err.find("position 4: expected an operand, found end of input") != std::string::npos,
      run.err);
  BOOST_CHECK_MESSAGE(run.err.find("  1 +\n     ^") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(evaluation_error_exits_1_naming_the_expression) {
  auto run = run_process({auraos_binary(), "eval", "'a' < 1"});
  BOOST_CHECK_EQUAL(run.exit_code, 1);
  BOOST_CHECK_EQUAL(run.err,
                    "auraos eval: expression \"'a' < 1\": no such overload: string < int\n");
}

BOOST_AUTO_TEST_CASE(a_non_finite_result_exits_1_instead_of_printing_null) {
  auto run = run_process({auraos_binary(), "eval", "1.0 / 0.0"});
  BOOST_CHECK_EQUAL(run.exit_code, 1);
  BOOST_CHECK(run.out.empty());
  BOOST_CHECK_EQUAL(
      run.err,
      "auraos eval: expression \"1.0 / 0.0\": the result is +infinity, which JSON cannot carry\n");
  auto nested = run_process({auraos_binary(), "eval", "{'x': [0.0 / 0.0]}"});
  BOOST_CHECK_EQUAL(nested.exit_code, 1);
  BOOST_CHECK_MESSAGE(nested.err.find("holds at [\"x\"][0] NaN") != std::string::npos, nested.err);
}

BOOST_AUTO_TEST_CASE(bad_context_exits_2_with_one_line) {
  auto bad_json = run_process({auraos_binary(), "eval", "1", "--context", "{\"a\":\n  [1,}"});
  BOOST_CHECK_EQUAL(bad_json.exit_code, 2);
  BOOST_TEST(
      bad_json.err.starts_with("auraos eval: --context: invalid JSON at line 2, column 6: "));
  auto not_object = run_process({auraos_binary(), "eval", "1", "--context", "[1]"});
  BOOST_CHECK_EQUAL(not_object.exit_code, 2);
  BOOST_CHECK_EQUAL(not_object.err, "auraos eval: --context: must be a JSON object, not array\n");
  auto missing = run_process({auraos_binary(), "eval", "1", "--context", "@/nonexistent/ctx.json"});
  BOOST_CHECK_EQUAL(missing.exit_code, 2);
  BOOST_CHECK_EQUAL(
      missing.err,
      "auraos eval: --context: cannot read file '/nonexistent/ctx.json': No such file "
      "or directory\n");
}

BOOST_AUTO_TEST_SUITE_END()
