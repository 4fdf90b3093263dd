// Differential test: our evaluator against the reference CEL implementation @bufbuild/cel 0.6.1.

#include <cmath>
#include <filesystem>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "expr_corpus.hpp"
#include "runtime/expr/expression.hpp"
#include "tests/support/process.hpp"

namespace {

using nlohmann::json;

/// The names in scope, as plain JSON (for us) and typed (for the reference).
const json& scope() {
  static const json value = json::parse(R"({"i": 7, "j": -3, "big": 9223372036854775807, "d": 2.5,
    "s": "héllo wörld", "t": "abc", "b": true, "n": null, "l": [1, 2, 3], "ls": ["a", "b"],
    "m": {"a": 1, "b": "x", "c": [1, 2]}})");
  return value;
}

/// The typed encoding reference.mjs reads and prints.
json typed(const json& value) {
  if (value.is_null()) return {{"t", "null"}};
  if (value.is_boolean()) return {{"t", "bool"}, {"v", value}};
  if (value.is_number_integer())
    return {{"t", "int"}, {"v", std::to_string(value.get<std::int64_t>())}};
  if (value.is_number_float()) return {{"t", "double"}, {"v", value.get<double>()}};
  if (value.is_string()) return {{"t", "string"}, {"v", value}};
  json items = json::array();
  if (value.is_array()) {
    for (const auto& item : value) items.push_back(typed(item));
    return {{"t", "list"}, {"v", items}};
  }
  for (auto it = value.begin(); it != value.end(); ++it)
    items.push_back(json::array({it.key(), typed(it.value())}));
  return {{"t", "map"}, {"v", items}};
}

double reference_double(const json& v) {
  return v.is_string() ? std::strtod(v.get<std::string>().c_str(), nullptr) : v.get<double>();
}

/// True when our typed result equals the reference's (doubles by value, NaN equal to NaN).
bool same(const json& ours, const json& theirs) {
  if (ours["t"] != theirs["t"]) return false;
  if (ours["t"] == "double") {
    double a = reference_double(ours["v"]), b = reference_double(theirs["v"]);
    return (std::isnan(a) && std::isnan(b)) || a == b;
  }
  if (ours["t"] != "list" && ours["t"] != "map")
    return ours.value("v", json()) == theirs.value("v", json());
  const auto &a = ours["v"], &b = theirs["v"];
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    bool equal =
        ours["t"] == "list" ? same(a[i], b[i]) : a[i][0] == b[i][0] && same(a[i][1], b[i][1]);
    if (!equal) return false;
  }
  return true;
}

json our_result(const std::string& source) {
  auto parsed = auraos::runtime::expr::expression::parse(source);
  if (!parsed) return {{"t", "error"}, {"v", parsed.error().to_string()}};
  auto value = parsed.value().evaluate(scope());
  if (!value) return {{"t", "error"}, {"v", value.error().message}};
  return typed(value.value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(expr_differential)

BOOST_AUTO_TEST_CASE(random_corpus_agrees_with_bufbuild_cel) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(auraos::test::source_dir()) / "tests" / "differential";
  BOOST_REQUIRE_MESSAGE(
      fs::exists(dir / "node_modules" / "@bufbuild" / "cel"),
      "tests/differential/node_modules is missing: run `npm ci` in " << dir.string());
  json context = json::array();
  for (auto it = scope().begin(); it != scope().end(); ++it)
    context.push_back(json::array({it.key(), typed(it.value())}));
  auto corpus = auraos::test::expression_corpus(20261126, 3000);
  std::ostringstream input;
  for (const auto& source : corpus)
    input << json{{"expr", source}, {"context", context}}.dump() << '\n';
  auraos::test::process_options options;
  options.stdin_data = input.str();
  auto run = auraos::test::run_process({"node", (dir / "reference.mjs").string()}, options);
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, "node failed: " << run.err);
  std::istringstream lines(run.out);
  std::string line;
  std::size_t index = 0, disagreements = 0, errors = 0;
  while (std::getline(lines, line) && index < corpus.size()) {
    json theirs = json::parse(line);
    json ours = our_result(corpus[index]);
    errors += ours["t"] == "error";
    bool agree = (ours["t"] == "error" && theirs["t"] == "error") || same(ours, theirs);
    if (!agree) {
      ++disagreements;
      BOOST_ERROR(corpus[index] << "\n  ours:      " << ours.dump()
                                << "\n  reference: " << theirs.dump());
    }
    ++index;
  }
  BOOST_CHECK_EQUAL(index, corpus.size());
  BOOST_CHECK_EQUAL(disagreements, 0u);
  BOOST_TEST_MESSAGE(corpus.size()
                     << " expressions, " << errors << " evaluation errors on both sides");
  BOOST_CHECK_LT(errors, corpus.size() / 2);
}

BOOST_AUTO_TEST_SUITE_END()
