// `auraos validate` as a user runs it: the real binary, real files, exit codes and output.

#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/process.hpp"

namespace fs = std::filesystem;
using auraos::test::auraos_binary;
using auraos::test::run_process;

namespace {

fs::path example(const std::string& name) {
  return fs::path{auraos::test::source_dir()} / "examples" / name;
}

/// A scratch folder for definition files, removed at the end of the test.
struct scratch {
  fs::path dir = fs::temp_directory_path() / ("auraos-validate-" + std::to_string(::getpid()));
  scratch() { fs::create_directories(dir); }
  ~scratch() { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream{dir / name} << text;
    return dir / name;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_validate)

BOOST_AUTO_TEST_CASE(every_example_is_valid) {
  std::vector<std::string> argv{auraos_binary(), "validate"};
  for (const auto& entry : fs::directory_iterator{example("").parent_path()})
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      argv.push_back(entry.path().string());
  auto run = run_process(argv);
  BOOST_TEST(run.exit_code == 0, run.err);
  for (std::size_t i = 2; i < argv.size(); ++i)
    BOOST_TEST(run.out.find(argv[i] + ": valid\n") != std::string::npos, argv[i]);
}

BOOST_AUTO_TEST_CASE(invalid_file_exits_2_with_every_error_on_stderr) {
  scratch files;
  auto bad = files
                 .write("bad.json", R"({"nodes": [{"id": "charge", "type": "shell"}],
    "connections": [{"from": "charge", "to": "x"}]})")
                 .string();
  auto run = run_process({auraos_binary(), "validate", bad, example("diamond.json").string()});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err == bad + ": name: required\n" + bad +
                            ": nodes[0] (id \"charge\"): config.command: required\n" + bad +
                            ": connections[0].to: no node \"x\"\n");
  BOOST_TEST(run.out == example("diamond.json").string() + ": valid\n");
}

BOOST_AUTO_TEST_CASE(missing_file_exits_2_with_one_line_naming_it) {
  auto run = run_process({auraos_binary(), "validate", "/nonexistent/wf.json"});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err == "/nonexistent/wf.json: cannot read file: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(subworkflow_file_errors_are_reported_at_the_parent_node) {
  scratch files;
  files.write("child.json", R"({"name": "c", "nodes": [{"id": "s", "type": "shell"}]})");
  auto parent = files
                    .write("parent.json", R"({"name": "p", "nodes": [
    {"id": "call", "type": "subworkflow", "config": {"file": "child.json"}},
    {"id": "gone", "type": "subworkflow", "config": {"file": "missing.json"}}]})")
                    .string();
  auto run = run_process({auraos_binary(), "validate", parent});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err ==
             parent +
                 ": nodes[0] (id \"call\"): config.file: in \"child.json\": nodes[0] (id \"s\"): "
                 "config.command: required\n" +
                 parent +
                 ": nodes[1] (id \"gone\"): config.file: in \"missing.json\": cannot read "
                 "file: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(subworkflow_reference_cycles_are_errors) {
  scratch files;
  files.write(
      "b.json",
      R"({"name": "b", "nodes": [{"id": "n", "type": "subworkflow", "config": {"file": "a.json"}}]})");
  auto a =
      files
          .write(
              "a.json",
              R"({"name": "a", "nodes": [{"id": "m", "type": "subworkflow", "config": {"file": "b.json"}}]})")
          .string();
  auto run = run_process({auraos_binary(), "validate", a});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(
      run.err ==
      a + ": nodes[0] (id \"m\"): config.file: in \"b.json\": nodes[0] (id \"n\"): config.file: "
          "reference cycle: a.json -> b.json -> a.json\n");
}

BOOST_AUTO_TEST_CASE(help_exits_0) {
  BOOST_TEST(run_process({auraos_binary(), "--help"}).exit_code == 0);
  auto run = run_process({auraos_binary(), "validate", "--help"});
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.find("validate") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_command_or_flag_exits_2_with_one_line_naming_it) {
  auto command = run_process({auraos_binary(), "valdiate", "x.json"});
  BOOST_TEST(command.exit_code == 2);
  BOOST_TEST(command.err.find("unknown command 'valdiate'") != std::string::npos);
  auto flag = run_process({auraos_binary(), "validate", "--bogus", example("diamond.json").string()});
  BOOST_TEST(flag.exit_code == 2);
  BOOST_TEST(flag.err.find("--bogus") != std::string::npos);
  auto none = run_process({auraos_binary()});
  BOOST_TEST(none.exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
