// runtime::parse_json: the one JSON parser, its limits and its located errors.

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace rt = auraos::runtime;
using nlohmann::json;

namespace {

/// The error text of parsing `text`, or "parsed" when it parsed.
std::string error_of(std::string_view text, std::size_t depth = rt::max_json_depth) {
  auto parsed = rt::parse_json(text, depth);
  return parsed ? "parsed" : parsed.error().to_string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_parse)

BOOST_AUTO_TEST_CASE(valid_text_parses_to_its_value) {
  auto parsed = rt::parse_json(R"({"a": [1, 2.5, "x", null, true]})");
  BOOST_REQUIRE(parsed);
  BOOST_TEST(*parsed == json({{"a", {1, 2.5, "x", nullptr, true}}}));
  BOOST_TEST(error_of("\xEF\xBB\xBF{}") == "parsed");  // a UTF-8 byte order mark is skipped
}

BOOST_AUTO_TEST_CASE(numbers_out_of_range_are_located_errors_not_exceptions) {
  BOOST_TEST(error_of(R"({"input": 1e999})") == "line 1, column 11: number out of range: 1e999");
  BOOST_TEST(error_of("[1,\n -1e999]") == "line 2, column 2: number out of range: -1e999");
  BOOST_TEST(error_of("18446744073709551616") == "parsed");  // a big integer becomes a double
}

BOOST_AUTO_TEST_CASE(nesting_deeper_than_the_limit_is_refused_before_parsing) {
  auto limit = static_cast<int>(rt::max_json_depth);
  BOOST_TEST(error_of(std::string(limit, '[') + std::string(limit, ']')) == "parsed");
  BOOST_TEST(error_of(std::string(100000, '[') + std::string(100000, ']')) ==
             "line 1, column 65: nested deeper than 64 levels");
  BOOST_TEST(
      error_of(R"({"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\""]})") ==
      "line 1, column 75: syntax error while parsing object - unexpected ']'; expected '}'");
  BOOST_TEST(error_of(std::string(100, '['), 1024).find("unexpected end of input") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_line_and_column) {
  auto parsed = rt::parse_json("{\n  \"a\": }");
  BOOST_REQUIRE(!parsed);
  BOOST_TEST(parsed.error().line == 2u);
  BOOST_TEST(parsed.error().column == 8u);
  BOOST_TEST(parsed.error().problem.starts_with("syntax error while parsing value"));
  BOOST_TEST(error_of("").find("unexpected end of input") != std::string::npos);
  BOOST_TEST(error_of(R"({"a": 1)").find("line 1, column 8") == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_refused_with_a_message_that_is_utf8) {
  auto parsed = rt::parse_json("{\"a\": \"x\xff\"}");
  BOOST_REQUIRE(!parsed);
  BOOST_TEST(parsed.error().problem.find("ill-formed UTF-8") != std::string::npos);
  BOOST_TEST(rt::is_valid_utf8(parsed.error().problem));
  BOOST_TEST(json(parsed.error().problem).dump().size() > 0u);  // would throw 316 otherwise
}

BOOST_AUTO_TEST_CASE(dump_never_throws_on_invalid_utf8) {
  BOOST_TEST(rt::dump_json(json{{"k", std::string("a\xff")}}) == "{\"k\":\"a\xEF\xBF\xBD\"}");
  BOOST_TEST(rt::valid_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
  BOOST_TEST(!rt::is_valid_utf8("\xC3"));
}

BOOST_AUTO_TEST_SUITE_END()
