// Errors a user debugs with: a failed attempt's extra fields, timeouts, history JSON numbers.
#include "engine_harness.hpp"
#include "runtime/engine/record_json.hpp"
#include "runtime/engine/snapshot.hpp"

using namespace auraos::runtime::engine;
using namespace auraos::runtime::engine::test;
using nlohmann::json;
using kind = auraos::v1::HistoryEvent;

namespace {

/// The first record of `kind_case` in the history.
const kind& first_of(const harness& h, kind::KindCase kind_case) {
  for (const auto& r : h.history())
    if (r.kind_case() == kind_case) return r;
  BOOST_FAIL("no record of the kind");
  return h.history().front();
}

/// A shell failure with the fields a shell attempt keeps.
node_error exit_code_error() {
  return {"exit_code", "command 'x' exited with code 3", false, 0,
          share_json({{"exitCode", 3}, {"stdout", "out\n"}, {"stderr", "boom\n"}})};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_errors)

BOOST_AUTO_TEST_CASE(failed_attempt_fields_reach_history_node_error_and_execution_error) {
  harness h(workflow_doc({shell("a")}));
  h.start();
  h.step(attempt_failed_event{"a", 1, exit_code_error()});
  BOOST_TEST(h.status() == execution_status::failed);
  auto record = record_to_json(first_of(h, kind::kAttemptFailed));
  BOOST_TEST(record["data"]["error"]["stderr"] == "boom\n", record.dump());
  BOOST_TEST(record["data"]["error"]["exitCode"] == 3, record.dump());
  BOOST_TEST(!record["data"]["error"].contains("fieldsJson"), record.dump());
  auto node = error_object(*h.state().nodes.at("a").error);
  BOOST_TEST(node["stdout"] == "out\n", node.dump());
  BOOST_TEST(node["attempts"] == 1);
  auto execution = error_object(*h.state().error);
  BOOST_TEST(execution["stderr"] == "boom\n", execution.dump());
  BOOST_TEST(execution["message"].get<std::string>().find("node \"a\" failed") == 0u);
}

BOOST_AUTO_TEST_CASE(failed_node_fields_are_readable_in_expressions_after_an_error_edge) {
  harness h(workflow_doc(
      {shell("a"), shell("report", {{"config", {{"command", "${nodes.a.error.stderr}"}}}})},
      {edge("a", "report", {{"on", "error"}})}));
  h.start();
  auto d = h.step(attempt_failed_event{"a", 1, exit_code_error()});
  auto started = effects_of<start_attempt>(d);
  BOOST_REQUIRE_EQUAL(started.size(), 1u);
  BOOST_TEST(json_or_null(started[0].config)["command"] == "boom\n");
}

BOOST_AUTO_TEST_CASE(error_fields_survive_a_snapshot) {
  harness h(workflow_doc({shell("a"), shell("b")}, {edge("a", "b", {{"on", "error"}})}));
  h.start();
  h.step(attempt_failed_event{"a", 1, exit_code_error()});
  auto back = from_snapshot(to_snapshot(h.state()));
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(error_object(*back->nodes.at("a").error)["exitCode"] == 3);
}

BOOST_AUTO_TEST_CASE(timed_out_execution_has_a_timeout_error_naming_the_limit) {
  harness h(workflow_doc({shell("a")}, json::array(), {{"settings", {{"timeoutSeconds", 30}}}}));
  h.start();
  auto d = h.fire("execution", 31000);
  BOOST_REQUIRE(h.state().error.has_value());
  BOOST_TEST(h.state().error->type == "timeout");
  BOOST_TEST(h.state().error->message ==
             "the execution timed out after 30 s (settings.timeoutSeconds)");
  BOOST_TEST(effects_of<finished>(d).at(0).error->type == "timeout");
  auto refolded = fold(h.wf(), h.history());
  BOOST_TEST(refolded.error->message == h.state().error->message);
}

BOOST_AUTO_TEST_CASE(timed_out_record_without_an_error_still_folds_to_a_timeout_error) {
  harness h(workflow_doc({shell("a")}));
  auto state = initial_state(h.wf());
  kind record;
  record.mutable_execution_timed_out();
  apply(state, record);
  BOOST_REQUIRE(state.error.has_value());
  BOOST_TEST(state.error->type == "timeout");
}

BOOST_AUTO_TEST_CASE(attempt_timeout_error_names_the_node_attempt_and_limit) {
  harness h(workflow_doc({shell("a", {{"timeoutSeconds", 1.5}})}));
  h.start();
  h.fire("timeout:a:1", 2500);
  BOOST_TEST(h.state().nodes.at("a").error->message ==
             "node \"a\": attempt 1 timed out after 1.5 s (timeoutSeconds)");
}

BOOST_AUTO_TEST_CASE(history_json_writes_the_revision_as_a_number) {
  harness h(workflow_doc({shell("a")}));
  h.start();
  auto record = record_to_json(first_of(h, kind::kExecutionStarted));
  BOOST_TEST(record["data"]["revision"].is_number_integer(), record.dump());
  BOOST_TEST(record["data"]["revision"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
