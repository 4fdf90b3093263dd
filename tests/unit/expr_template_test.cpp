// JSON templates: typed whole-string expressions, interpolation, escapes, error paths.

#include "expr_table.hpp"
#include "runtime/expr/json_template.hpp"

using auraos::runtime::expr::json_template;
using nlohmann::json;

namespace {

json render(const json& source) {
  auto parsed = json_template::parse(source);
  BOOST_REQUIRE_MESSAGE(parsed, "template does not parse: " << source.dump());
  auto value = parsed->render(auraos::test::table_scope());
  BOOST_REQUIRE_MESSAGE(value, (value ? "" : value.error().message));
  return value.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(expr_template)

BOOST_AUTO_TEST_CASE(whole_string_expression_renders_the_typed_value) {
  BOOST_CHECK_EQUAL(render("${input.a}"), json(5));
  BOOST_CHECK_EQUAL(render("${input.tags}"), json({"x", "y"}));
  BOOST_CHECK_EQUAL(render("${ {'a': 1} }"), json({{"a", 1}}));
  BOOST_CHECK_EQUAL(render("${'}'}"), json("}"));
  BOOST_CHECK_EQUAL(render("${null}"), json());
}

BOOST_AUTO_TEST_CASE(interpolation_renders_values_as_text) {
  BOOST_CHECK_EQUAL(render("n=${input.a}"), json("n=5"));
  BOOST_CHECK_EQUAL(render("${input.name} has ${size(input.tags)} tags"), json("Ada has 2 tags"));
  BOOST_CHECK_EQUAL(render("[${input.pi}|${1.0}|${true}|${null}|${input.tags}|${ {'k': 'v'} }]"),
                    json(R"([3.5|1|true|null|["x","y"]|{"k":"v"}])"));
  BOOST_CHECK_EQUAL(render(" ${input.a}"), json(" 5"));
}

BOOST_AUTO_TEST_CASE(double_dollar_escapes_a_literal_placeholder) {
  BOOST_CHECK_EQUAL(render("$${input.a}"), json("${input.a}"));
  BOOST_CHECK_EQUAL(render("cost: $5 and $${x} and ${input.a}"), json("cost: $5 and ${x} and 5"));
  auto constant = json_template::parse("$${x}");
  BOOST_REQUIRE(constant);
  BOOST_CHECK(constant->is_constant());
}

BOOST_AUTO_TEST_CASE(objects_and_arrays_render_recursively_and_keys_stay_literal) {
  json source = {{"${key}", "${input.a}"}, {"list", {"a", "${input.name}", 3}}, {"plain", true}};
  json expected = {{"${key}", 5}, {"list", {"a", "Ada", 3}}, {"plain", true}};
  BOOST_CHECK_EQUAL(render(source), expected);
  auto parsed = json_template::parse(source);
  BOOST_CHECK(!parsed->is_constant());
  BOOST_CHECK_EQUAL(parsed->source(), source);
  BOOST_CHECK(json_template().is_constant());
  BOOST_CHECK_EQUAL(json_template().render({}).value(), json());
}

BOOST_AUTO_TEST_CASE(every_syntax_error_is_reported_with_its_path) {
  json source = {{"output", {{"shipped", "${1 +}"}, {"ok", "${input.a}"}}},
                 {"command", {"echo", "x ${unterminated"}},
                 {"odd key", "${)}"}};
  auto parsed = json_template::parse(source);
  BOOST_REQUIRE(!parsed);
  const auto& errors = parsed.error();
  BOOST_REQUIRE_EQUAL(errors.size(), 3u);
  BOOST_CHECK_EQUAL(errors[0].path, "command[1]");
  BOOST_CHECK_EQUAL(errors[0].error.message, "unterminated '${'");
  BOOST_CHECK_EQUAL(errors[0].error.offset, 2u);
  BOOST_CHECK_EQUAL(errors[1].path, "[\"odd key\"]");
  BOOST_CHECK_EQUAL(errors[2].path, "output.shipped");
  BOOST_CHECK_EQUAL(errors[2].error.offset, 5u);
  BOOST_CHECK_EQUAL(errors[2].error.source, "${1 +}");
  auto root = json_template::parse("${}");
  BOOST_REQUIRE(!root);
  BOOST_CHECK_EQUAL(root.error()[0].path, "");
}

BOOST_AUTO_TEST_CASE(evaluation_errors_name_the_expression) {
  auto parsed = json_template::parse({{"a", "x${'a' < 1}"}});
  BOOST_REQUIRE(parsed);
  auto value = parsed->render({});
  BOOST_REQUIRE(!value);
  BOOST_CHECK_EQUAL(value.error().message,
                    "expression \"'a' < 1\": no such overload: string < int");
}

BOOST_AUTO_TEST_SUITE_END()
