// Every CLI path given bad input ends with one error line naming the problem and exit 2, never
// an abort or a crash (issue 8, item 2).

#include <fstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using auraos::test::auraos_binary;
using auraos::test::run_process;
using auraos::test::source_dir;
using auraos::test::temp_dir;

namespace {

/// Files the cases refer to, written once per test.
struct inputs {
  temp_dir dir;
  std::string workflow = source_dir() + "/examples/diamond.json";
  std::string deep = write("deep.json", "{\"x\": " + nested(100000) + "}");
  std::string deep_definition = write("deep-def.json", "{\"name\": " + nested(100000) + "}");
  std::string huge_number = write("huge.json", R"({"name": "w", "nodes": 1e999})");
  std::string not_utf8 = write("latin1.json", "{\"x\": \"caf\xe9\"}");
  std::string regular_file = write("plain.txt", "not a directory");
  std::string config_huge = write("config.json", R"({"maxRestarts": 1e999})");

  static std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name), std::ios::binary) << text;
    return dir.file(name);
  }
};

/// Runs `argv` after the binary; checks exit 2, no output, one stderr line holding `names`.
void refused(const std::vector<std::string>& argv, const std::string& names) {
  std::vector<std::string> full{auraos_binary()};
  full.insert(full.end(), argv.begin(), argv.end());
  auto run = run_process(full);
  std::string shown;
  for (const auto& arg : argv) shown += arg.substr(0, 60) + " ";
  BOOST_TEST_CONTEXT("auraos " << shown << "\nstderr: " << run.err) {
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.out.empty());
    BOOST_TEST(run.err.find(names) != std::string::npos);
    BOOST_TEST(run.err.find('\n') == run.err.size() - 1, "exactly one line");
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_bad_input)

BOOST_AUTO_TEST_CASE(eval_refuses_bad_contexts) {
  inputs in;
  refused({"eval", "input", "--context", R"({"input": 1e999})"},
          "line 1, column 11: number out of range: 1e999");
  refused({"eval", "input", "--context", R"({"input": -1e999})"}, "number out of range: -1e999");
  refused({"eval", "x", "--context", "@" + in.deep}, "nested deeper than 64 levels");
  refused({"eval", "x", "--context", "@" + in.not_utf8}, "ill-formed UTF-8");
  refused({"eval", "x", "--context", "@" + in.dir.path().string()}, "is a directory");
  refused({"eval", "x", "--context", "@" + in.dir.file("missing")}, "No such file");
  refused({"eval", "x", "--bogus"}, "--bogus");
}

BOOST_AUTO_TEST_CASE(run_refuses_bad_data_dirs_and_inputs) {
  inputs in;
  refused({"run", in.workflow, "--data-dir", "/proc/nope"}, "--data-dir: cannot use '/proc/nope'");
  refused({"run", in.workflow, "--data-dir", in.regular_file}, "Not a directory");
  refused({"run", in.workflow, "--data-dir", in.regular_file + "/sub"}, "--data-dir");
  refused({"run", in.workflow, "--input", "@" + in.deep}, "nested deeper than 64 levels");
  refused({"run", in.workflow, "--input", R"({"a": 1e999})"}, "number out of range: 1e999");
  refused({"run", in.workflow, "--input", "@" + in.dir.path().string()}, "is a directory");
  refused({"run", in.workflow, "--input", "@" + in.not_utf8}, "ill-formed UTF-8");
  refused({"run", in.dir.path().string()}, "is a directory");
  refused({"run", in.deep_definition}, "nested deeper than 64 levels");
}

BOOST_AUTO_TEST_CASE(validate_refuses_unreadable_and_malformed_files) {
  inputs in;
  refused({"validate", in.dir.path().string()}, "cannot read file: is a directory");
  refused({"validate", in.deep_definition}, "line 1, column 73: nested deeper than 64 levels");
  refused({"validate", in.huge_number}, "number out of range: 1e999");
  refused({"validate", in.not_utf8}, "ill-formed UTF-8");
}

BOOST_AUTO_TEST_CASE(serve_refuses_bad_config_files_before_starting) {
  inputs in;
  refused({"serve", "--config", in.dir.path().string()}, "is a directory");
  refused({"serve", "--config", in.config_huge}, "number out of range: 1e999");
  refused({"serve", "--config", in.deep}, "nested deeper than 64 levels");
  refused({"serve", "--config", in.not_utf8}, "ill-formed UTF-8");
  refused({"serve", "--http", "127.0.0.1:99999"}, "99999");
  refused({"nonsense-command"}, "unknown command 'nonsense-command'");
}

BOOST_AUTO_TEST_CASE(serve_refuses_cluster_flags_it_cannot_honour) {
  const std::string pg = "postgresql://127.0.0.1:1/never-contacted";
  refused({"serve", "--cluster-listen", "127.0.0.1:7101"},
          "auraos serve: --cluster-listen needs a PostgreSQL database (--db postgresql://...); "
          "sqlite is single-node");
  refused({"serve", "--db", pg, "--cluster-listen", "10.1.2.3:7101"},
          "10.1.2.3:7101 is not loopback: give --cluster-cert, --cluster-key and --cluster-ca");
  refused({"serve", "--db", pg, "--cluster-listen", "127.0.0.1:7101", "--cluster-cert", "c.pem"},
          "missing: --cluster-key, --cluster-ca");
  refused({"serve", "--db", pg, "--cluster-listen", "127.0.0.1:7101", "--shards", "0"},
          "--shards: 0 is out of range (1-4096)");
  refused({"serve", "--shards", "x"}, "--shards: 'x' is not a number");
  refused({"serve", "--node-name", "n1"}, "--node-name needs --cluster-listen HOST:PORT");
  refused({"serve", "--db", pg, "--cluster-listen", "127.0.0.1"}, "--cluster-listen: '127.0.0.1'");
}

BOOST_AUTO_TEST_CASE(serve_on_an_unusable_data_dir_fails_with_one_line) {
  inputs in;  // a node that cannot open its store exits 1 (docs/operations.md), not by a signal
  for (const auto& dir : {in.regular_file, std::string("/proc/nope")}) {
    auto run = run_process({auraos_binary(), "serve", "--data-dir", dir, "--http", "127.0.0.1:0"});
    BOOST_TEST_CONTEXT("serve --data-dir " << dir << "\nstderr: " << run.err) {
      BOOST_TEST(run.exit_code == 1);
      BOOST_TEST(run.err.find("cannot create data directory " + dir) != std::string::npos);
      BOOST_TEST(run.err.find('\n') == run.err.size() - 1, "exactly one line");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
