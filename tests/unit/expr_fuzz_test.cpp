// Bounded-time fuzzing: random and mutated expressions and templates never crash or hang,
// and every error is well formed.

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/expr/expression.hpp"
#include "runtime/expr/json_template.hpp"

namespace {

using namespace auraos::runtime::expr;
using nlohmann::json;

const std::vector<std::string> seeds{
    "input.a > 1 ? 'big' : 'small'",
    "size(input.tags) + 1 * 2 - 3 / 4 % 5",
    "'a\\x41\\u00e9' + r'raw' + '''t'''",
    "has(input.a.b) || !(1 in [1, 2.5, null]) && {'k': [true]}.k[0]",
    "input.name.matches('^[a-z]+$')",
    "int('42') + int(2.5) + double(3) == 47.0",
    "string(now()).startsWith('2')",
    "-9223372036854775808 / -1",
    "lower(upper('x')).contains('x') ? 0x1F : .5e3",
    "[[[[]]]][0][0]",
    "${input.a} and $${x} ${ {'a': '}'} }"};

const std::string alphabet =
    "()[]{}.,:?!+-*/%<>=&|'\"\\r$ 0123456789xuUabenitrsuefalsnulhaszeinmc_\n\xc3\xa9";

std::string mutate(std::string text, std::mt19937& random) {
  std::uniform_int_distribution<int> action(0, 3);
  int edits = 1 + static_cast<int>(random() % 6);
  for (int e = 0; e < edits; ++e) {
    std::size_t at = text.empty() ? 0 : random() % (text.size() + 1);
    char c = alphabet[random() % alphabet.size()];
    switch (action(random)) {
      case 0:
        text.insert(text.begin() + static_cast<long>(at), c);
        break;
      case 1:
        if (at < text.size()) text.erase(at, 1);
        break;
      case 2:
        if (at < text.size()) text[at] = c;
        break;
      default:
        text.insert(at, text.substr(0, random() % (text.size() + 1) % 40));
        break;
    }
  }
  return text;
}

void check_well_formed(const std::string& source, const syntax_error& error) {
  BOOST_REQUIRE_MESSAGE(!error.message.empty(), "empty syntax error for " << source);
  BOOST_REQUIRE_MESSAGE(error.offset <= error.source.size(), "offset past the end for " << source);
  BOOST_REQUIRE(error.describe().find('^') != std::string::npos);
}

void exercise(const std::string& source, const json& scope) {
  auto parsed = expression::parse(source);
  if (!parsed) return check_well_formed(source, parsed.error());
  evaluation_options options;
  options.bounds.max_steps = 5000;
  auto value = parsed->evaluate(scope, options);
  if (!value) BOOST_REQUIRE(value.error().message.starts_with("expression \""));
  auto templ = json_template::parse(json{{"x", source}, {"y", {source}}});
  if (templ) {
    (void)templ->render(scope, options);
  } else {
    for (const auto& error : templ.error()) check_well_formed(source, error.error);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(expr_fuzz)

BOOST_AUTO_TEST_CASE(random_and_mutated_inputs_never_crash_or_hang) {
  const json scope =
      json::parse(R"({"input": {"a": 5, "name": "ada", "tags": ["x"], "b": {"c": null}}})");
  std::mt19937 random(12345);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(6);
  std::size_t runs = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string source;
    if (runs % 4 == 0) {
      std::size_t length = random() % 60;
      for (std::size_t i = 0; i < length; ++i) source += alphabet[random() % alphabet.size()];
    } else {
      source = mutate(seeds[random() % seeds.size()], random);
    }
    exercise(source, scope);
    ++runs;
  }
  BOOST_TEST_MESSAGE(runs << " inputs");
  BOOST_CHECK_GT(runs, 1000u);
}

BOOST_AUTO_TEST_SUITE_END()
