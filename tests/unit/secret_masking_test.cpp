// Masking secret values in texts and JSON, splitting an input by the secret variables, and
// the definition rules of `secret` variables.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/definition/parse.hpp"
#include "runtime/secrets/masking.hpp"
#include "runtime/secrets/secret_input.hpp"

using namespace auraos::runtime;
using nlohmann::json;

namespace {

/// The workflow of `variables` (one noop node), or fails the test.
definition::workflow with_variables(const json& variables) {
  json doc = {{"name", "w"},
              {"variables", variables},
              {"nodes", json::array({{{"id", "n"}, {"type", "noop"}}})}};
  auto wf = definition::parse_workflow(doc);
  BOOST_REQUIRE_MESSAGE(wf.has_value(), "the workflow is invalid");
  return std::move(*wf);
}

/// Every definition error of `variables`, as text.
std::vector<std::string> errors_of(const json& variables) {
  json doc = {{"name", "w"},
              {"variables", variables},
              {"nodes", json::array({{{"id", "n"}, {"type", "noop"}}})}};
  auto wf = definition::parse_workflow(doc);
  std::vector<std::string> out;
  if (!wf)
    for (const auto& e : wf.error()) out.push_back(e.to_string());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secret_masking)

BOOST_AUTO_TEST_CASE(every_occurrence_of_every_value_is_masked_longest_first) {
  secrets::secret_set set{{"abc", "abcdef", ""}};
  BOOST_TEST(set.masked("x abcdef y abc zabcabc") == "x *** y *** z******");
  BOOST_TEST(set.masked("nothing here") == "nothing here");
  BOOST_TEST(set.occurs_in("..abc.."));
  BOOST_TEST(!set.occurs_in("ab c"));
}

BOOST_AUTO_TEST_CASE(an_empty_set_masks_nothing) {
  secrets::secret_set set{{""}};
  BOOST_TEST(set.empty());
  BOOST_TEST(set.masked("abc") == "abc");
  BOOST_TEST(set.masked_json(json{{"k", "abc"}}) == (json{{"k", "abc"}}));
}

BOOST_AUTO_TEST_CASE(json_strings_and_keys_are_masked_numbers_are_not) {
  secrets::secret_set set{{"s3cr3t"}};
  json value = {{"stdout", "token=s3cr3t\n"},
                {"s3cr3t", 1},
                {"list", {"a", "s3cr3t", 42, true, nullptr}},
                {"json", {{"nested", "Bearer s3cr3t"}}}};
  json expected = {{"stdout", "token=***\n"},
                   {"***", 1},
                   {"list", {"a", "***", 42, true, nullptr}},
                   {"json", {{"nested", "Bearer ***"}}}};
  BOOST_TEST(set.masked_json(value) == expected);
  BOOST_TEST(set.masked_json(json("s3cr3t s3cr3t")) == json("*** ***"));
}

BOOST_AUTO_TEST_CASE(a_value_with_quotes_is_masked_in_the_decoded_string) {
  secrets::secret_set set{{R"(p"a\ss)"}};
  json value = {{"out", R"(pw=p"a\ss;)"}};
  BOOST_TEST(set.masked_json(value).dump() == R"({"out":"pw=***;"})");
}

BOOST_AUTO_TEST_CASE(input_is_split_by_the_secret_variables) {
  auto wf = with_variables({{{"name", "apiKey"}, {"type", "string"}, {"secret", true}},
                            {{"name", "region"}, {"type", "string"}}});
  BOOST_TEST(secrets::has_secret_variables(wf));
  auto split = secrets::split_secret_input(wf, json{{"apiKey", "k-123"}, {"region", "eu"}});
  BOOST_TEST(json::parse(split.masked) == (json{{"apiKey", "***"}, {"region", "eu"}}));
  BOOST_TEST(json::parse(split.secrets) == (json{{"apiKey", "k-123"}}));
  auto none = secrets::split_secret_input(wf, json{{"region", "eu"}});
  BOOST_TEST(none.secrets.empty());
  BOOST_TEST(json::parse(none.masked) == (json{{"region", "eu"}}));
  BOOST_TEST(secrets::split_secret_input(wf, nullptr).masked == "null");
}

BOOST_AUTO_TEST_CASE(opened_secrets_must_be_an_object_of_strings) {
  auto values = secrets::secret_values(R"({"apiKey":"k-123"})");
  BOOST_REQUIRE(values.has_value());
  BOOST_TEST(values->at("apiKey") == "k-123");
  BOOST_TEST(!secrets::secret_values("[1]").has_value());
  BOOST_TEST(!secrets::secret_values(R"({"a":1})").has_value());
  BOOST_TEST(!secrets::secret_values("not json").has_value());
}

BOOST_AUTO_TEST_CASE(secret_variables_are_strings_without_default) {
  BOOST_TEST(errors_of({{{"name", "k"}, {"type", "string"}, {"secret", true}}}).empty());
  BOOST_TEST(errors_of({{{"name", "k"}, {"type", "number"}, {"secret", false}}}).empty());
  auto wrong = errors_of({{{"name", "k"}, {"type", "number"}, {"secret", true}},
                          {{"name", "d"}, {"type", "string"}, {"secret", true}, {"default", "x"}},
                          {{"name", "b"}, {"secret", "yes"}},
                          {{"name", "u"}, {"secret", true}}});
  std::vector<std::string> expected{
      "variables[0].type: a secret variable must have type \"string\"",
      "variables[1].default: a secret variable takes no default (it would be stored in plain "
      "text)",
      "variables[2].secret: must be a boolean, found string",
      "variables[3].type: a secret variable must have type \"string\""};
  BOOST_TEST(wrong == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
