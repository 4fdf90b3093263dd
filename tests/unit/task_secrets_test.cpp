// A task's secret config fields: the definition rules of `secrets`, the canonical JSON, and the
// pool's sealing ("***" stored, "***" sent keeps the value), opening and masking.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "actors/tasks/task_secrets.hpp"
#include "runtime/crypto/secret_keys.hpp"
#include "runtime/secrets/config_secrets.hpp"
#include "runtime/tasks/task_json.hpp"

using namespace auraos;
using nlohmann::json;

namespace {

json http_task(json secrets) {
  return {{"id", "call"},
          {"name", "call an API"},
          {"type", "http"},
          {"config",
           {{"url", "https://example.test/${input.path}"},
            {"headers", {{"Authorization", "Bearer abc123"}, {"X-Plain", "p"}}}}},
          {"secrets", std::move(secrets)}};
}

std::vector<std::string> errors_of(const json& document) {
  auto parsed = runtime::tasks::parse_task_definition(document);
  std::vector<std::string> out;
  if (!parsed)
    for (const auto& e : parsed.error()) out.push_back(e.to_string());
  return out;
}

persistence::task_record record_of(const json& document) {
  auto parsed = runtime::tasks::parse_task_definition(document);
  BOOST_REQUIRE(parsed.has_value());
  persistence::task_record task;
  task.id = parsed->id;
  task.definition = runtime::tasks::to_json(*parsed).dump();
  return task;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(task_secrets)

BOOST_AUTO_TEST_CASE(secret_paths_name_string_fields_of_shell_and_http_configs) {
  BOOST_TEST(errors_of(http_task({"config.headers.Authorization"})).empty());
  auto shell = http_task(json::array());
  shell["type"] = "transform";
  shell["config"] = {{"output", "x"}};
  shell["secrets"] = {"config.output"};
  std::vector<std::string> expected{
      "secrets: only shell and http tasks take secret config fields, found type transform"};
  BOOST_TEST(errors_of(shell) == expected, boost::test_tools::per_element());
  auto wrong =
      errors_of(http_task({"headers.Authorization", "config.headers.Missing", "config.headers",
                           "config.headers.X-Plain", "config.headers.X-Plain", "config..x"}));
  std::vector<std::string> expected_wrong{
      "secrets[0]: must be a path into config such as \"config.headers.Authorization\", found "
      "\"headers.Authorization\"",
      "secrets[1]: config.headers.Missing must name a string field of config",
      "secrets[2]: config.headers must name a string field of config",
      "secrets[4]: duplicate path \"config.headers.X-Plain\"",
      "secrets[5]: must be a path into config such as \"config.headers.Authorization\", found "
      "\"config..x\""};
  BOOST_TEST(wrong == expected_wrong, boost::test_tools::per_element());
  BOOST_TEST(!errors_of(http_task("config.url")).empty());
}

BOOST_AUTO_TEST_CASE(the_canonical_json_lists_the_paths_only_when_there_are_some) {
  auto with = runtime::tasks::parse_task_definition(http_task({"config.headers.Authorization"}));
  BOOST_REQUIRE(with.has_value());
  BOOST_TEST(runtime::tasks::to_json(*with).at("secrets") ==
             json({"config.headers.Authorization"}));
  auto without = runtime::tasks::parse_task_definition(http_task(json::array()));
  BOOST_REQUIRE(without.has_value());
  BOOST_TEST(!runtime::tasks::to_json(*without).contains("secrets"));
}

BOOST_AUTO_TEST_CASE(values_are_put_into_a_rendered_config_where_strings_are) {
  json config = {{"headers", {{"Authorization", "***"}}}, {"url", "u"}};
  runtime::secrets::put_config_secrets(
      config, {{"config.headers.Authorization", "Bearer abc123"}, {"config.gone.x", "y"}});
  BOOST_TEST(config == (json{{"headers", {{"Authorization", "Bearer abc123"}}}, {"url", "u"}}));
}

BOOST_AUTO_TEST_CASE(the_pool_stores_the_mask_and_keeps_the_value_sealed) {
  auto keys = runtime::crypto::secret_keys::ephemeral();
  auto task = record_of(http_task({"config.headers.Authorization"}));
  auto spec = actors::tasks::seal_task_secrets(task, nullptr, *keys);
  BOOST_REQUIRE_MESSAGE(spec.has_value(), (spec ? "" : spec.error()));
  BOOST_TEST(task.definition.find("abc123") == std::string::npos);
  BOOST_TEST(json::parse(task.definition)["config"]["headers"]["Authorization"] == "***");
  BOOST_REQUIRE(task.secrets.has_value());
  BOOST_TEST(task.secrets->find("abc123") == std::string::npos);
  BOOST_TEST(json::parse(keys->open(*task.secrets, "call").value()) ==
             (json{{"config.headers.Authorization", "Bearer abc123"}}));
  BOOST_TEST((*spec)->secret_values.at("config.headers.Authorization") == "Bearer abc123");
  auto loaded = actors::tasks::with_secrets(*actors::tasks::spec_of(task.definition), task, *keys);
  BOOST_TEST(loaded->secret_values == (*spec)->secret_values);
  BOOST_TEST(!loaded->secrets_problem.has_value());
}

BOOST_AUTO_TEST_CASE(a_mask_sent_back_keeps_the_stored_value_and_needs_one) {
  auto keys = runtime::crypto::secret_keys::ephemeral();
  auto first = record_of(http_task({"config.headers.Authorization"}));
  auto stored = actors::tasks::seal_task_secrets(first, nullptr, *keys);
  BOOST_REQUIRE(stored.has_value());
  auto again = first;  // the definition as a GET answers it: "***" at the path
  again.secrets.reset();
  auto kept = actors::tasks::seal_task_secrets(again, *stored, *keys);
  BOOST_REQUIRE(kept.has_value());
  BOOST_TEST((*kept)->secret_values.at("config.headers.Authorization") == "Bearer abc123");
  auto fresh = first;
  auto refused = actors::tasks::seal_task_secrets(fresh, nullptr, *keys);
  BOOST_REQUIRE(!refused.has_value());
  BOOST_TEST(refused.error().find("keeps the stored value") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(results_and_log_lines_of_a_run_are_masked) {
  actors::tasks::task_spec spec;
  spec.secret_values = {{"config.env.TOKEN", "t0k3n"}};
  auto result =
      runtime::handlers::work_failed({"exit_code", "command 'echo t0k3n' failed", false,
                                      std::make_shared<const json>(json{{"stdout", "t0k3n\n"}})},
                                     json{{"stdout", "t0k3n\n"}});
  auto masked = actors::tasks::masked_result(spec, result);
  BOOST_TEST(masked.error.message == "command 'echo ***' failed");
  BOOST_TEST(*masked.error.fields == (json{{"stdout", "***\n"}}));
  BOOST_TEST(*masked.output == (json{{"stdout", "***\n"}}));
  BOOST_TEST(actors::tasks::masked_text(spec, "x t0k3n y") == "x *** y");
}

BOOST_AUTO_TEST_CASE(a_task_whose_secrets_do_not_open_carries_the_reason) {
  auto keys = runtime::crypto::secret_keys::ephemeral();
  auto task = record_of(http_task({"config.headers.Authorization"}));
  BOOST_REQUIRE(actors::tasks::seal_task_secrets(task, nullptr, *keys).has_value());
  auto other = runtime::crypto::secret_keys::ephemeral();
  auto loaded = actors::tasks::with_secrets(*actors::tasks::spec_of(task.definition), task, *other);
  BOOST_REQUIRE(loaded->secrets_problem.has_value());
  BOOST_TEST(loaded->secrets_problem->find("task call") != std::string::npos);
  BOOST_TEST(loaded->secret_values.empty());
}

BOOST_AUTO_TEST_SUITE_END()
