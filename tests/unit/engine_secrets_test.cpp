// Secret variables in the engine: shell and http attempts get the plain values, records and
// every other node see "***", attempt results are masked before they are recorded.
#include "engine_harness.hpp"

using namespace auraos::runtime::engine;
using namespace auraos::runtime::engine::test;
using nlohmann::json;

namespace {

/// A workflow with the secret variable `apiKey` and the given nodes (a chain).
json secret_workflow(json nodes, json connections = json::array()) {
  return workflow_doc(
      std::move(nodes), std::move(connections),
      {{"variables", json::array({{{"name", "apiKey"}, {"type", "string"}, {"secret", true}}})}});
}

/// Every text of every record of the history, for searching.
std::string history_text(const harness& h) {
  std::string text;
  for (const auto& r : h.history()) text += r.DebugString();
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_secrets)

BOOST_AUTO_TEST_CASE(shell_attempt_gets_the_plain_value_while_the_record_shows_the_mask) {
  harness h(secret_workflow({shell(
      "call",
      {{"config", {{"command", "echo ${vars.apiKey}"}, {"env", {{"KEY", "${input.apiKey}"}}}}}})}));
  h.set_secrets({{"apiKey", "k-123"}});
  auto start = h.start({{"apiKey", "***"}});
  auto attempts = effects_of<start_attempt>(start);
  BOOST_REQUIRE_EQUAL(attempts.size(), 1u);
  BOOST_TEST(json_or_null(attempts[0].config).at("command") == "echo k-123");
  BOOST_TEST(json_or_null(attempts[0].config).at("env").at("KEY") == "k-123");
  BOOST_TEST(h.state().nodes.at("call").config_json.find("k-123") == std::string::npos);
  BOOST_TEST(h.state().nodes.at("call").config_json.find("echo ***") != std::string::npos);
  BOOST_TEST(history_text(h).find("k-123") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(attempt_output_and_error_are_masked_before_they_are_recorded) {
  harness h(secret_workflow({shell("a"), shell("b", {{"retry", {{"maxAttempts", 1}}}})},
                            {edge("a", "b")}));
  h.set_secrets({{"apiKey", "k-123"}});
  h.start({{"apiKey", "***"}});
  h.complete("a", 1, {{"stdout", "key=k-123\n"}, {"json", {{"k-123", "k-123"}}}});
  BOOST_TEST(json_or_null(h.state().nodes.at("a").output) ==
             (json{{"stdout", "key=***\n"}, {"json", {{"***", "***"}}}}));
  node_error error{"exit_code", "failed with k-123", false, 0,
                   share_json({{"stderr", "bad key k-123"}})};
  h.step(attempt_failed_event{"b", 1, error});
  const auto& failed = *h.state().nodes.at("b").error;
  BOOST_TEST(failed.message == "failed with ***");
  BOOST_TEST(json_or_null(failed.fields) == (json{{"stderr", "bad key ***"}}));
  BOOST_TEST(history_text(h).find("k-123") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(other_nodes_and_conditions_see_the_mask) {
  harness h(secret_workflow(
      {{{"id", "t"}, {"type", "transform"}, {"config", {{"output", "${vars.apiKey}"}}}},
       shell("s")},
      {edge("t", "s", {{"when", "vars.apiKey == '***'"}})}));
  h.set_secrets({{"apiKey", "k-123"}});
  auto start = h.start({{"apiKey", "***"}});
  BOOST_TEST(json_or_null(h.state().nodes.at("t").output) == json("***"));
  BOOST_TEST(started_nodes(start) == std::vector<std::string>{"s"});
}

BOOST_AUTO_TEST_CASE(without_secrets_configs_are_the_recorded_ones) {
  harness h(secret_workflow({shell("call", {{"config", {{"command", "echo ${vars.apiKey}"}}}})}));
  auto attempts = effects_of<start_attempt>(h.start({{"apiKey", "***"}}));
  BOOST_REQUIRE_EQUAL(attempts.size(), 1u);
  BOOST_TEST(json_or_null(attempts[0].config).at("command") == "echo ***");
}

BOOST_AUTO_TEST_SUITE_END()
