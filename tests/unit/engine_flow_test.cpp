// Connections, joins, dead-path elimination, failure handling, inputs, outputs, maxParallel.
#include "engine_harness.hpp"

using namespace auraos::runtime::engine;
using namespace auraos::runtime::engine::test;
using nlohmann::json;
using kind = auraos::v1::HistoryEvent;

namespace {

json diamond(const std::string& join) {
  return workflow_doc({shell("a"), shell("b"), shell("c"), shell("d", {{"join", join}})},
                      {edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_flow)

BOOST_AUTO_TEST_CASE(diamond_runs_branches_in_parallel_and_joins_once_both_settle) {
  harness h(diamond("all-settled"));
  BOOST_TEST(started_nodes(h.start()) == std::vector<std::string>{"a"});
  auto after_a = h.complete("a", 1, {{"x", 1}});
  BOOST_TEST((started_nodes(after_a) == std::vector<std::string>{"b", "c"}));
  BOOST_TEST(started_nodes(h.complete("b", 1, 2)).empty());
  auto after_c = h.complete("c", 1, 3);
  auto starts = effects_of<start_attempt>(after_c);
  BOOST_REQUIRE_EQUAL(starts.size(), 1u);
  BOOST_TEST(starts[0].node == "d");
  BOOST_TEST(json_or_null(h.state().nodes.at("d").input) == (json{{"b", 2}, {"c", 3}}));
  auto end = effects_of<finished>(h.complete("d", 1, "done"));
  BOOST_REQUIRE_EQUAL(end.size(), 1u);
  BOOST_TEST(json_or_null(end[0].output) == (json{{"d", "done"}}));
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(join_all_is_skipped_when_one_branch_is_not_taken) {
  auto doc = workflow_doc(
      {shell("a"), shell("b"), shell("c"), shell("d", {{"join", "all"}})},
      {edge("a", "b"), edge("a", "c", {{"when", "false"}}), edge("b", "d"), edge("c", "d")});
  harness h(doc);
  h.start();
  h.complete("a", 1);
  BOOST_TEST(h.status("c") == node_status::skipped);
  auto d = h.complete("b", 1);
  BOOST_TEST(h.status("d") == node_status::skipped);
  BOOST_TEST(started_nodes(d).empty());
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(join_all_settled_runs_when_one_branch_is_not_taken) {
  auto doc = workflow_doc(
      {shell("a"), shell("b"), shell("c"), shell("d")},
      {edge("a", "b"), edge("a", "c", {{"when", "false"}}), edge("b", "d"), edge("c", "d")});
  harness h(doc);
  h.start();
  h.complete("a", 1);
  BOOST_TEST(started_nodes(h.complete("b", 1, 5)) == std::vector<std::string>{"d"});
  BOOST_TEST(json_or_null(h.state().nodes.at("d").input) == json(5));
}

BOOST_AUTO_TEST_CASE(join_any_runs_exactly_once_on_the_first_taken_connection) {
  harness h(diamond("any"));
  h.start();
  h.complete("a", 1);
  BOOST_TEST(started_nodes(h.complete("c", 1, "c-out")) == std::vector<std::string>{"d"});
  BOOST_TEST(json_or_null(h.state().nodes.at("d").input) == json("c-out"));
  BOOST_TEST(started_nodes(h.complete("b", 1)).empty());
  h.complete("d", 1);
  BOOST_TEST(count_records(h.history(), kind::kAttemptStarted, "d") == 1);
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(if_else_when_skips_the_dead_path_across_several_levels) {
  auto doc = workflow_doc(
      {shell("check"), shell("yes1"), shell("yes2"), shell("yes3"), shell("no1"), shell("merge")},
      {edge("check", "yes1", {{"when", "nodes.check.output.ok"}}), edge("yes1", "yes2"),
       edge("yes2", "yes3"), edge("check", "no1", {{"when", "!nodes.check.output.ok"}}),
       edge("yes3", "merge"), edge("no1", "merge")});
  harness h(doc);
  h.start();
  auto d = h.complete("check", 1, {{"ok", false}});
  BOOST_TEST(started_nodes(d) == std::vector<std::string>{"no1"});
  for (auto id : {"yes1", "yes2", "yes3"}) BOOST_TEST(h.status(id) == node_status::skipped);
  BOOST_TEST(started_nodes(h.complete("no1", 1, "n")) == std::vector<std::string>{"merge"});
  h.complete("merge", 1, "m");
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(error_edge_handles_the_failure_and_sees_the_error) {
  auto doc = workflow_doc({shell("a"), shell("ok"), shell("recover")},
                          {edge("a", "ok"), edge("a", "recover", {{"on", "error"}})});
  harness h(doc);
  h.start();
  auto d = h.fail_attempt("a", 1, "exit_code");
  BOOST_TEST(started_nodes(d) == std::vector<std::string>{"recover"});
  BOOST_TEST(h.status("ok") == node_status::skipped);
  json error = {{"type", "exit_code"}, {"message", "boom"}, {"attempts", 1}};
  BOOST_TEST(json_or_null(h.state().nodes.at("recover").input) == error);
  h.complete("recover", 1, "handled");
  BOOST_TEST(h.status() == execution_status::completed);
  BOOST_TEST(json_or_null(h.state().output) == (json{{"recover", "handled"}}));
}

BOOST_AUTO_TEST_CASE(always_edge_runs_after_success_and_after_failure) {
  auto doc =
      workflow_doc({shell("a"), shell("cleanup")}, {edge("a", "cleanup", {{"on", "always"}})});
  harness ok(doc);
  ok.start();
  BOOST_TEST(started_nodes(ok.complete("a", 1)) == std::vector<std::string>{"cleanup"});
  harness bad(doc);
  bad.start();
  BOOST_TEST(started_nodes(bad.fail_attempt("a", 1, "exit_code")) ==
             std::vector<std::string>{"cleanup"});
  bad.complete("cleanup", 1);
  BOOST_TEST(bad.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(unhandled_failure_cancels_running_attempts_and_fails_the_execution) {
  harness h(workflow_doc({shell("a"), shell("b")}));
  h.start();
  auto d = h.fail_attempt("a", 1, "exit_code");
  auto cancels = effects_of<cancel_attempt>(d);
  BOOST_REQUIRE_EQUAL(cancels.size(), 1u);
  BOOST_TEST(cancels[0].node == "b");
  BOOST_TEST(h.status("b") == node_status::cancelled);
  BOOST_TEST(h.status() == execution_status::failed);
  BOOST_REQUIRE(h.state().error);
  BOOST_TEST(h.state().error->message == "node \"a\" failed: boom");
  BOOST_TEST(effects_of<finished>(d).at(0).status == execution_status::failed);
  BOOST_TEST(h.complete("b", 1).records.empty());
}

BOOST_AUTO_TEST_CASE(when_evaluation_error_fails_the_execution_naming_the_connection) {
  harness h(workflow_doc({shell("a"), shell("b")}, {edge("a", "b", {{"when", "'a' < 1"}})}));
  h.start();
  h.complete("a", 1);
  BOOST_TEST(h.status() == execution_status::failed);
  BOOST_TEST(h.state().error->type == "expression");
  BOOST_TEST(h.state().error->message.find("connection a -> b: when:") == 0);
}

BOOST_AUTO_TEST_CASE(start_nodes_get_the_execution_input_and_noop_passes_its_input_on) {
  harness h(workflow_doc({{{"id", "n"}, {"type", "noop"}}}));
  h.start({{"order", 7}});
  BOOST_TEST(h.status() == execution_status::completed);
  BOOST_TEST(json_or_null(h.state().output) == (json{{"n", {{"order", 7}}}}));
}

BOOST_AUTO_TEST_CASE(transform_renders_its_config_against_the_scope) {
  auto doc = workflow_doc(
      {shell("a"),
       {{"id", "t"},
        {"type", "transform"},
        {"config",
         {{"output", {{"sum", "${nodes.a.output.n + vars.k}"}, {"who", "${execution.id}"}}}}}}},
      {edge("a", "t")}, {{"variables", {{{"name", "k"}, {"type", "number"}, {"default", 2}}}}});
  harness h(doc);
  h.start();
  h.complete("a", 1, {{"n", 40}});
  BOOST_TEST(json_or_null(h.state().nodes.at("t").output) == (json{{"sum", 42}, {"who", "e1"}}));
}

BOOST_AUTO_TEST_CASE(output_template_is_rendered_at_the_end) {
  harness h(workflow_doc({shell("a")}, json::array(), {{"output", "${nodes.a.output.v * 2}"}}));
  h.start();
  h.complete("a", 1, {{"v", 21}});
  BOOST_TEST(json_or_null(h.state().output) == json(42));
}

BOOST_AUTO_TEST_CASE(default_output_maps_completed_sink_nodes_only) {
  auto doc = workflow_doc(
      {shell("a"), shell("b"), shell("c")},
      {edge("a", "b"), edge("a", "c", {{"when", "false"}}), edge("a", "c", {{"on", "error"}})});
  harness h(doc);
  h.start();
  h.complete("a", 1, "A");
  h.complete("b", 1, "B");
  BOOST_TEST(json_or_null(h.state().output) == (json{{"b", "B"}}));
}

BOOST_AUTO_TEST_CASE(max_parallel_queues_ready_nodes_in_definition_order) {
  harness h(workflow_doc({shell("a"), shell("b"), shell("c")}, json::array(),
                         {{"settings", {{"maxParallel", 2}}}}));
  BOOST_TEST((started_nodes(h.start()) == std::vector<std::string>{"a", "b"}));
  BOOST_TEST(h.status("c") == node_status::pending);
  BOOST_TEST(h.state().ready_queue == std::vector<std::string>{"c"});
  BOOST_TEST(started_nodes(h.complete("b", 1)) == std::vector<std::string>{"c"});
}

BOOST_AUTO_TEST_CASE(rendering_error_fails_the_node_with_an_expression_error_not_retried) {
  auto doc = workflow_doc(
      {shell("a", {{"config", {{"command", "${'a' < 1}"}}}, {"retry", {{"maxAttempts", 3}}}})});
  harness h(doc);
  auto d = h.start();
  BOOST_TEST(started_nodes(d).empty());
  BOOST_TEST(h.status("a") == node_status::failed);
  BOOST_TEST(h.state().nodes.at("a").error->type == "expression");
  BOOST_TEST(h.status() == execution_status::failed);
}

BOOST_AUTO_TEST_CASE(fail_node_fails_with_its_error_and_is_not_retried) {
  auto doc = workflow_doc({{{"id", "f"},
                            {"type", "fail"},
                            {"config", {{"error", "bad_order"}, {"message", "no"}}},
                            {"retry", {{"maxAttempts", 3}}}}});
  harness h(doc);
  h.start();
  BOOST_TEST(h.state().nodes.at("f").error->type == "bad_order");
  BOOST_TEST(h.state().nodes.at("f").error->attempts == 1);
  BOOST_TEST(h.status() == execution_status::failed);
}

BOOST_AUTO_TEST_SUITE_END()
