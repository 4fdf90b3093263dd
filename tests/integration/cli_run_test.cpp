// `auraos run` as a user runs it: the real binary, the examples, exit codes, stdout and stderr.

#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using auraos::test::auraos_binary;
using auraos::test::run_process;
using json = nlohmann::json;

namespace {

std::string example(const std::string& name) {
  return (fs::path{auraos::test::source_dir()} / "examples" / name).string();
}

auraos::test::process_result run(std::vector<std::string> args) {
  args.insert(args.begin(), {auraos_binary(), "run"});
  return run_process(args, {{}, std::chrono::seconds(60), {}, {}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_run)

BOOST_AUTO_TEST_CASE(diamond_example_prints_joined_output) {
  auto r = run({example("diamond.json")});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto out = json::parse(r.out);
  BOOST_TEST(out.at("total") == 3);
  BOOST_TEST(r.err.find("left#1 attempt_started") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("node_completed") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(if_else_example_takes_the_branch_of_the_input) {
  auto r = run({example("if-else.json"), "--input", R"({"amount": 500})"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(json::parse(r.out).at("branch") == "large");
  auto small = run({example("if-else.json")});
  BOOST_REQUIRE_MESSAGE(small.exit_code == 0, small.err);
  BOOST_TEST(json::parse(small.out).at("branch") == "small");
}

BOOST_AUTO_TEST_CASE(retry_example_retries_and_completes_through_the_error_edge) {
  auto r = run({example("retry-error-edge.json")});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto out = json::parse(r.out);
  BOOST_TEST(out.at("flakyAttempts") == 3);
  BOOST_TEST(out.at("recovered") == true);
  BOOST_TEST(r.err.find("retry_scheduled") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(subworkflow_example_runs_the_child_file) {
  auto r = run({example("subworkflow-parent.json"), "--input", R"({"who": "ada"})"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(json::parse(r.out).at("fromChild").at("greeting") == "hello ADA");
}

BOOST_AUTO_TEST_CASE(child_example_with_input_file_completes) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("input.json")} << R"({"name": "bob"})";
  auto r = run({example("subworkflow-child.json"), "--input", "@" + dir.file("input.json"),
                "--data-dir", dir.file("data")});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(json::parse(r.out).at("greeting") == "hello bob");
  BOOST_TEST(fs::exists(dir.file("data/auraos.db")));
}

BOOST_AUTO_TEST_CASE(invalid_definition_exits_2_with_every_error) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("bad.json")}
      << R"({"id": "bad", "nodes": [{"id": "x", "type": "shell"}, {"id": "y", "type": "nope"}]})";
  auto r = run({dir.file("bad.json")});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("config") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("nope") != std::string::npos, r.err);
  BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(bad_input_exits_2) {
  auto missing = run({example("subworkflow-child.json")});
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err.find("name") != std::string::npos, missing.err);
  auto malformed = run({example("diamond.json"), "--input", "{oops"});
  BOOST_TEST(malformed.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(failing_workflow_exits_1_with_error_json) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("fail.json")}
      << R"({"id": "fail", "name": "fail", "nodes": [{"id": "boom", "type": "shell", "config": {"command": "echo broken >&2; exit 4"}}]})";
  auto r = run({dir.file("fail.json")});
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.out.empty());
  auto trimmed = r.err.substr(0, r.err.find_last_not_of('\n') + 1);
  auto error = json::parse(trimmed.substr(trimmed.rfind('\n') + 1));
  BOOST_TEST(error.at("status") == "failed");
  BOOST_TEST(error.at("error").at("message").get<std::string>().find("boom") != std::string::npos,
             r.err);
}

BOOST_AUTO_TEST_CASE(a_transform_yielding_infinity_fails_the_node_naming_the_expression) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("inf.json")}
      << R"({"id": "inf", "name": "inf", "nodes": [{"id": "ratio", "type": "transform", "config": {"output": {"r": "${1.0 / 0.0}"}}}]})";
  auto r = run({dir.file("inf.json")});
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.find("expression \\\"1.0 / 0.0\\\": the result is +infinity, which JSON "
                        "cannot carry") != std::string::npos,
             r.err);
}

BOOST_AUTO_TEST_CASE(an_input_integer_beyond_64_bits_exits_2_naming_it) {
  auto r = run({example("diamond.json"), "--input",
                R"({"n": 18446744073709551616, "m": 9223372036854775808})"});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("input.m: integer 9223372036854775808 is outside the 64-bit range") !=
                 std::string::npos,
             r.err);
}

BOOST_AUTO_TEST_CASE(failed_shell_error_json_keeps_exit_code_stdout_and_stderr) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("fail.json")}
      << R"({"id": "fail", "name": "fail", "nodes": [{"id": "boom", "type": "shell", "config": {"command": "echo out; echo boom >&2; exit 3"}}]})";
  auto r = run({dir.file("fail.json")});
  BOOST_TEST(r.exit_code == 1);
  auto trimmed = r.err.substr(0, r.err.find_last_not_of('\n') + 1);
  auto error = json::parse(trimmed.substr(trimmed.rfind('\n') + 1)).at("error");
  BOOST_TEST(error.at("exitCode") == 3, r.err);
  BOOST_TEST(error.at("stdout") == "out\n", r.err);
  BOOST_TEST(error.at("stderr") == "boom\n", r.err);
}

/// Writes parent.json -> sub/child.json -> sub/grandchild.json (each naming the next relative
/// to its own folder); returns the parent's path.
std::string nested_files(auraos::test::temp_dir& dir, const std::string& grandchild_variables) {
  fs::create_directories(dir.file("sub"));
  std::ofstream{dir.file("parent.json")} << R"({"id": "parent", "name": "parent", "nodes": [
      {"id": "call", "type": "subworkflow", "config": {"file": "sub/child.json"}}],
      "output": "${nodes.call.output}"})";
  std::ofstream{dir.file("sub/child.json")} << R"({"id": "child", "name": "child", "nodes": [
      {"id": "call", "type": "subworkflow", "config": {"file": "grandchild.json", "input": {"n": 7}}}],
      "output": "${nodes.call.output}"})";
  std::ofstream{dir.file("sub/grandchild.json")}
      << R"({"id": "grandchild", "name": "grandchild", "variables": )" << grandchild_variables
      << R"(, "nodes": [{"id": "t", "type": "transform", "config": {"output": {"got": "${vars.n}"}}}],
      "output": "${nodes.t.output}"})";
  return dir.file("parent.json");
}

BOOST_AUTO_TEST_CASE(
    nested_subworkflow_files_resolve_relative_to_the_naming_file_as_validate_does) {
  auraos::test::temp_dir dir;
  auto parent = nested_files(dir, R"([{"name": "n", "type": "number"}])");
  auto checked = run_process({auraos_binary(), "validate", parent}, {});
  BOOST_TEST_REQUIRE(checked.exit_code == 0, checked.err);
  auto r = run({parent});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(json::parse(r.out).at("got") == 7, r.out);
}

BOOST_AUTO_TEST_CASE(refused_child_input_passes_every_detail_up_to_the_parent_error) {
  auraos::test::temp_dir dir;
  nested_files(
      dir,
      R"([{"name": "n", "type": "string"}, {"name": "m", "type": "string", "required": true}])");
  std::ofstream{dir.file("direct.json")} << R"({"id": "direct", "name": "direct", "nodes": [
      {"id": "call", "type": "subworkflow", "config": {"file": "sub/grandchild.json", "input": {"n": 7}}}]})";
  auto r = run({dir.file("direct.json")});
  BOOST_TEST(r.exit_code == 1, r.err);
  auto trimmed = r.err.substr(0, r.err.find_last_not_of('\n') + 1);
  auto error = json::parse(trimmed.substr(trimmed.rfind('\n') + 1)).at("error");
  auto details = error.at("details").dump();
  BOOST_TEST(details.find("input.n: must be of type string") != std::string::npos, r.err);
  BOOST_TEST(details.find("input.m: required") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(interrupt_signal_cancels_the_run_and_kills_its_command) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("sleepy.json")}
      << R"({"id": "sleepy", "name": "sleepy", "nodes": [{"id": "s", "type": "shell", "config": {"command": "echo $$ > pid; exec sleep 30"}}]})";
  std::string script =
      "\"$0\" run sleepy.json 2>err & job=$!; "
      "i=0; until grep -q attempt_started err 2>/dev/null && [ -s pid ]; do "
      "i=$((i+1)); [ $i -lt 400 ] || exit 99; sleep 0.05; done; "
      "kill -INT $job; wait $job; echo \"exit=$?\"; cat err; "
      "kill -0 $(cat pid) 2>/dev/null && echo still-running; true";
  auto r = run_process({"sh", "-c", script, auraos_binary()},
                       {{}, std::chrono::seconds(60), {}, dir.path().string()});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, std::to_string(r.exit_code) + r.out + r.err);
  BOOST_TEST(r.out.find("exit=1") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("\"status\":\"cancelled\"") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("still-running") == std::string::npos, r.out);
}

BOOST_AUTO_TEST_SUITE_END()
