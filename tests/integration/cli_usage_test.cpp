// `auraos --version` and `auraos help [COMMAND]` as a user runs them.

#include <regex>

#include <boost/test/unit_test.hpp>

#include "tests/support/process.hpp"

using auraos::test::auraos_binary;
using auraos::test::run_process;

BOOST_AUTO_TEST_SUITE(cli_usage)

BOOST_AUTO_TEST_CASE(version_prints_the_project_version_and_exits_0) {
  auto run = run_process({auraos_binary(), "--version"});
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(std::regex_match(run.out, std::regex{R"(auraos \d+\.\d+\.\d+( \([^)]+\))?\n)"}),
             run.out);
}

BOOST_AUTO_TEST_CASE(help_prints_what_dash_dash_help_prints) {
  auto help = run_process({auraos_binary(), "help"});
  auto flag = run_process({auraos_binary(), "--help"});
  BOOST_TEST(help.exit_code == 0, help.err);
  BOOST_TEST(flag.exit_code == 0);
  BOOST_TEST(help.out == flag.out);
  BOOST_TEST(help.out.find("serve") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(help_command_prints_what_command_dash_dash_help_prints) {
  for (std::string command : {"validate", "eval", "run", "serve"}) {
    auto help = run_process({auraos_binary(), "help", command});
    auto flag = run_process({auraos_binary(), command, "--help"});
    BOOST_TEST(help.exit_code == 0, command + ": " + help.err);
    BOOST_TEST(help.out == flag.out, command);
    BOOST_TEST(help.out.find("auraos " + command) != std::string::npos, help.out);
  }
}

BOOST_AUTO_TEST_CASE(help_of_an_unknown_command_is_one_line_and_exit_2) {
  auto run = run_process({auraos_binary(), "help", "nope"});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.out.empty());
  BOOST_TEST(run.err == "auraos help: unknown command 'nope'\n");
}

BOOST_AUTO_TEST_SUITE_END()
