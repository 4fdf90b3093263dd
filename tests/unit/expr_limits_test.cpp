// Guard rails: nesting, length, steps and value size; parsed expressions shared across threads.

#include <string>
#include <thread>

#include "expr_table.hpp"

using auraos::runtime::expr::expression;
using auraos::runtime::expr::limits;

BOOST_AUTO_TEST_SUITE(expr_limits)

BOOST_AUTO_TEST_CASE(deep_nesting_is_a_syntax_error_not_a_crash) {
  for (std::string open : {"(", "[", "-(", "!", "size("}) {
    std::string source;
    for (int i = 0; i < 1500; ++i) source += open;
    auto parsed = expression::parse(source);
    BOOST_REQUIRE(!parsed);
    BOOST_CHECK_MESSAGE(
        parsed.error().message.find("nested deeper than 64 levels") != std::string::npos,
        parsed.error().message);
  }
  std::string chain = "a";
  for (int i = 0; i < 1000; ++i) chain += ".b";
  BOOST_CHECK(!expression::parse(chain));
  std::string sum = "1";
  for (int i = 0; i < 1000; ++i) sum += " + 1";
  BOOST_CHECK(!expression::parse(sum));
  BOOST_CHECK(expression::parse("((((((((((1))))))))))"));
}

BOOST_AUTO_TEST_CASE(overlong_source_is_a_syntax_error) {
  limits bounds;
  bounds.max_length = 16;
  auto parsed = expression::parse("1 + 1 + 1 + 1 + 1", bounds);
  BOOST_REQUIRE(!parsed);
  BOOST_CHECK_EQUAL(parsed.error().message, "expression longer than 16 bytes");
  BOOST_CHECK(expression::parse(std::string(9000, ' ')).has_value() == false);
}

BOOST_AUTO_TEST_CASE(step_limit_stops_evaluation) {
  auto parsed = expression::parse("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");
  BOOST_REQUIRE(parsed);
  auraos::runtime::expr::evaluation_options options;
  options.bounds.max_steps = 5;
  auto value = parsed->evaluate({}, options);
  BOOST_REQUIRE(!value);
  BOOST_CHECK_MESSAGE(value.error().message.find("exceeded 5 steps") != std::string::npos,
                      value.error().message);
}

BOOST_AUTO_TEST_CASE(doubling_strings_and_lists_hits_the_value_size_limit) {
  auto parsed = expression::parse("[1, 2] + [3]");
  BOOST_REQUIRE(parsed);
  auraos::runtime::expr::evaluation_options options;
  options.bounds.max_value_size = 2;
  BOOST_CHECK(!parsed->evaluate({}, options));
  auto strings = expression::parse("s + s + s");
  BOOST_REQUIRE(strings);
  auto value = strings->evaluate({{"s", std::string(600000, 'x')}});
  BOOST_REQUIRE(!value);
  BOOST_CHECK_MESSAGE(value.error().message.find("value larger than") != std::string::npos,
                      value.error().message);
  auto lists = expression::parse("[s, s, s]");
  BOOST_CHECK(!lists->evaluate({{"s", std::string(600000, 'x')}}));
}

BOOST_AUTO_TEST_CASE(one_parsed_expression_evaluates_concurrently) {
  auto parsed = expression::parse("input.a * 2 + size(input.tags)");
  BOOST_REQUIRE(parsed);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        nlohmann::json scope = {{"input", {{"a", i}, {"tags", {1, 2}}}}};
        auto value = parsed->evaluate(scope);
        if (!value || value.value() != i * 2 + 2) ++wrong[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : wrong) BOOST_CHECK_EQUAL(count, 0);
}

BOOST_AUTO_TEST_SUITE_END()
