// gateway/openapi/openapi.json linted by Redocly CLI with tests/openapi/redocly.yaml (the
// `recommended` rules): no error and no warning. The npm package comes from scripts/setup.sh.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// The problems of a `--format=json` report, one line each: severity, rule, place, message.
std::string problem_lines(const json& report) {
  std::string out;
  for (const auto& problem : report.value("problems", json::array())) {
    std::string place;
    for (const auto& at : problem.value("location", json::array()))
      place += at.value("pointer", "") + " (line " +
               std::to_string(at.value("start", json::object()).value("line", 0)) + ") ";
    out += "  " + problem.value("severity", "") + " " + problem.value("ruleId", "") + " at " +
           place + ": " + problem.value("message", "") + "\n";
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi_lint)

BOOST_AUTO_TEST_CASE(redocly_finds_no_error_and_no_warning_in_the_openapi_document) {
  fs::path root = auraos::test::source_dir();
  auto cli = root / "tests/openapi/node_modules/@redocly/cli/bin/cli.js";
  BOOST_TEST_REQUIRE(fs::exists(cli), cli.string() << " is missing: run scripts/setup.sh");
  auraos::test::process_options options;
  options.cwd = root.string();
  options.env = {{"REDOCLY_TELEMETRY", "off"}, {"REDOCLY_SUPPRESS_NOTIFICATIONS", "true"}};
  auto lint = auraos::test::run_process({"node", cli.string(), "lint", "--format=json", "--config",
                                         (root / "tests/openapi/redocly.yaml").string(),
                                         (root / "gateway/openapi/openapi.json").string()},
                                        options);
  BOOST_TEST_REQUIRE(!lint.timed_out);
  auto report = json::parse(lint.out, nullptr, false);
  BOOST_TEST_REQUIRE(report.is_object(), "no JSON report; the linter said:\n"
                                             << lint.out << lint.err);
  auto totals = report.value("totals", json::object());
  BOOST_TEST(lint.exit_code == 0, "redocly lint exited " << lint.exit_code << ":\n" << lint.err);
  BOOST_TEST(totals.value("errors", -1) == 0, "errors:\n" << problem_lines(report));
  BOOST_TEST(totals.value("warnings", -1) == 0, "warnings:\n" << problem_lines(report));
}

BOOST_AUTO_TEST_SUITE_END()
