// An execution's input checked against the workflow's variables, and the `vars` it yields.

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/definition/parse.hpp"

using auraos::runtime::definition::check_input;
using auraos::runtime::definition::variable_values;
using nlohmann::json;

namespace {

auraos::runtime::definition::workflow sample() {
  auto parsed = auraos::runtime::definition::parse_workflow(json::parse(R"({"name": "w",
    "nodes": [{"id": "a", "type": "noop"}],
    "variables": [{"name": "currency", "type": "string", "default": "EUR"},
                  {"name": "amount", "type": "number", "required": true},
                  {"name": "items", "type": "array"}, {"name": "extra"}]})"));
  BOOST_TEST_REQUIRE(parsed.has_value());
  return *parsed;
}

std::vector<std::string> texts(
    const std::vector<auraos::runtime::definition::definition_error>& errors) {
  std::vector<std::string> result;
  for (const auto& e : errors) result.push_back(e.to_string());
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(definition_input)

BOOST_AUTO_TEST_CASE(input_giving_every_required_variable_is_accepted) {
  BOOST_TEST(check_input(sample(), {{"amount", 3}, {"other", "kept"}}).empty());
}

BOOST_AUTO_TEST_CASE(input_must_be_an_object_or_null) {
  BOOST_TEST(texts(check_input(sample(), json::array())) ==
             std::vector<std::string>{"input: must be an object or null, found array"});
  BOOST_TEST(texts(check_input(sample(), "x")) ==
             std::vector<std::string>{"input: must be an object or null, found string"});
}

BOOST_AUTO_TEST_CASE(missing_required_variable_is_an_error) {
  BOOST_TEST(texts(check_input(sample(), nullptr)) ==
             std::vector<std::string>{"input.amount: required"});
  BOOST_TEST(texts(check_input(sample(), json::object())) ==
             std::vector<std::string>{"input.amount: required"});
}

BOOST_AUTO_TEST_CASE(wrongly_typed_variables_are_all_reported) {
  auto errors = texts(check_input(
      sample(), {{"currency", 1}, {"amount", "3"}, {"items", {{"a", 1}}}, {"extra", nullptr}}));
  BOOST_TEST(errors ==
             (std::vector<std::string>{"input.currency: must be of type string, found number",
                                       "input.amount: must be of type number, found string",
                                       "input.items: must be of type array, found object"}));
}

BOOST_AUTO_TEST_CASE(vars_take_the_input_value_else_the_default) {
  auto wf = sample();
  BOOST_TEST((variable_values(wf, {{"amount", 2}, {"other", 1}}) ==
              json{{"amount", 2}, {"currency", "EUR"}}));
  BOOST_TEST((variable_values(wf, {{"currency", "USD"}, {"extra", nullptr}}) ==
              json{{"currency", "USD"}, {"extra", nullptr}}));
  BOOST_TEST((variable_values(wf, nullptr) == json{{"currency", "EUR"}}));
}

BOOST_AUTO_TEST_CASE(integers_outside_the_signed_64_bit_range_are_refused_with_their_path) {
  auto input = json::parse(R"({"amount": 18446744073709551615,
                               "extra": {"ids": [1, 9223372036854775808]}})");
  BOOST_TEST(texts(check_input(sample(), input)) ==
             (std::vector<std::string>{
                 "input.amount: integer 18446744073709551615 is outside the 64-bit range of "
                 "integers (-9223372036854775808 to 9223372036854775807); pass it as a string "
                 "or a decimal number",
                 "input.extra.ids[1]: integer 9223372036854775808 is outside the 64-bit range of "
                 "integers (-9223372036854775808 to 9223372036854775807); pass it as a string "
                 "or a decimal number"}));
}

BOOST_AUTO_TEST_CASE(integers_at_the_ends_of_the_signed_64_bit_range_are_accepted) {
  auto input = json::parse(R"({"amount": 9223372036854775807, "low": -9223372036854775808})");
  BOOST_TEST(check_input(sample(), input).empty());
}

BOOST_AUTO_TEST_SUITE_END()
