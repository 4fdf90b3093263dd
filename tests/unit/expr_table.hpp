#pragma once
// Table-driven checks shared by the expression tests: expected JSON values, errors, syntax errors.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/expr/expression.hpp"

namespace auraos::test {

/// One row: an expression and the JSON text of its expected value.
struct value_case {
  std::string source;
  std::string expected;
};

/// The scope the tables evaluate against.
inline const nlohmann::json& table_scope() {
  static const nlohmann::json scope = nlohmann::json::parse(R"({
    "input": {"a": 5, "name": "Ada", "tags": ["x", "y"], "nested": {"k": null}, "pi": 3.5},
    "vars": {"count": 2}, "big": 18446744073709551615})");
  return scope;
}

/// Checks each row evaluates to its value, int and double kinds included.
inline void check_values(const std::vector<value_case>& rows) {
  for (const auto& row : rows) {
    auto parsed = runtime::expr::expression::parse(row.source);
    BOOST_TEST_CONTEXT(row.source) {
      BOOST_REQUIRE_MESSAGE(parsed.has_value(), (parsed ? "" : parsed.error().describe()));
      auto value = parsed.value().evaluate(table_scope());
      BOOST_REQUIRE_MESSAGE(value.has_value(), (value ? "" : value.error().message));
      auto expected = nlohmann::json::parse(row.expected);
      BOOST_CHECK_EQUAL(value.value().dump(), expected.dump());
      BOOST_CHECK(value.value().type() == expected.type() ||
                  (value.value().is_number_integer() && expected.is_number_integer()));
    }
  }
}

/// Checks each expression parses but fails to evaluate with a message containing `part`.
inline void check_errors(const std::vector<value_case>& rows) {
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.source) {
      auto parsed = runtime::expr::expression::parse(row.source);
      BOOST_REQUIRE_MESSAGE(parsed.has_value(), (parsed ? "" : parsed.error().describe()));
      auto value = parsed.value().evaluate(table_scope());
      BOOST_REQUIRE_MESSAGE(!value.has_value(),
                            "expected an error, got " << (value ? value.value().dump() : ""));
      BOOST_CHECK_MESSAGE(value.error().message.find(row.expected) != std::string::npos,
                          value.error().message);
      BOOST_CHECK(value.error().message.starts_with("expression \"" + row.source + "\": "));
    }
  }
}

/// One syntax error row: source, 0-based offset, a part of the message.
struct syntax_case {
  std::string source;
  std::size_t offset;
  std::string message;
};

/// Checks each expression is rejected at `offset` with a message containing `message`.
inline void check_syntax_errors(const std::vector<syntax_case>& rows,
                                const runtime::expr::limits& bounds = {}) {
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.source.substr(0, 80)) {
      auto parsed = runtime::expr::expression::parse(row.source, bounds);
      BOOST_REQUIRE(!parsed.has_value());
      BOOST_CHECK_EQUAL(parsed.error().offset, row.offset);
      BOOST_CHECK_MESSAGE(parsed.error().message.find(row.message) != std::string::npos,
                          parsed.error().message);
    }
  }
}

}  // namespace auraos::test
