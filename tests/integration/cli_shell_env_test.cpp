// A shell node's `env` as documented: strings, numbers and booleans (as their JSON text).

#include <fstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using auraos::test::auraos_binary;
using auraos::test::run_process;
using json = nlohmann::json;

BOOST_AUTO_TEST_SUITE(cli_shell_env)

BOOST_AUTO_TEST_CASE(numbers_and_booleans_in_env_reach_the_command_as_json_text) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("env.json")} << R"({"name": "env", "nodes": [{"id": "a", "type": "shell",
    "config": {"command": "printf '%s|%s|%s|%s' \"$NUM\" \"$RATE\" \"$FLAG\" \"$TEXT\"",
               "env": {"NUM": 7, "RATE": 1.5, "FLAG": true, "TEXT": "x"}}}],
    "output": "${nodes.a.output.stdout}"})";
  auto valid = run_process({auraos_binary(), "validate", dir.file("env.json")});
  BOOST_TEST(valid.exit_code == 0, valid.err);
  auto ran =
      run_process({auraos_binary(), "run", dir.file("env.json"), "--data-dir", dir.file("data")});
  BOOST_REQUIRE_MESSAGE(ran.exit_code == 0, ran.err);
  BOOST_TEST(json::parse(ran.out) == "7|1.5|true|x");
}

BOOST_AUTO_TEST_SUITE_END()
