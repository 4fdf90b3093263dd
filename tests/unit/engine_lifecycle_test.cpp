// Start, pause, resume, cancel, timeouts, delay timers, recovery, replay and snapshots.
#include "engine_harness.hpp"
#include "runtime/engine/record_json.hpp"
#include "runtime/engine/snapshot.hpp"

using namespace auraos::runtime::engine;
using namespace auraos::runtime::engine::test;
using nlohmann::json;
using kind = auraos::v1::HistoryEvent;

namespace {

json chain() {
  return workflow_doc({shell("a"), shell("b")}, {edge("a", "b")});
}

json delay_node(const std::string& id, json config) {
  return {{"id", id}, {"type", "delay"}, {"config", config}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_lifecycle)

BOOST_AUTO_TEST_CASE(pause_holds_new_nodes_and_resume_starts_them) {
  harness h(chain());
  h.start();
  h.step(pause_event{});
  BOOST_TEST(h.status() == execution_status::paused);
  BOOST_TEST(started_nodes(h.complete("a", 1)).empty());
  BOOST_TEST(h.state().ready_queue == std::vector<std::string>{"b"});
  BOOST_TEST(started_nodes(h.step(resume_event{})) == std::vector<std::string>{"b"});
  BOOST_TEST(h.status() == execution_status::running);
}

BOOST_AUTO_TEST_CASE(a_retry_due_while_paused_starts_on_resume) {
  harness h(workflow_doc({shell("a", {{"retry", {{"maxAttempts", 2}, {"jitter", "none"}}}})}));
  h.start();
  h.fail_attempt("a", 1, "exit_code");
  h.step(pause_event{});
  BOOST_TEST(started_nodes(h.fire("retry:a:2", 2000)).empty());
  BOOST_TEST(effects_of<start_attempt>(h.step(resume_event{})).at(0).attempt == 2);
}

BOOST_AUTO_TEST_CASE(transitions_not_allowed_in_the_current_status_are_refused) {
  harness h(chain());
  BOOST_TEST(h.refused(pause_event{}).code == refusal::conflict);
  h.start();
  BOOST_TEST(h.refused(start_event{"e1", 1, share_json(json::object())}).code == refusal::conflict);
  auto resume = h.refused(resume_event{});
  BOOST_TEST(resume.message == "cannot resume an execution that is running");
  h.step(cancel_event{"user"});
  BOOST_TEST(h.refused(pause_event{}).message == "cannot pause an execution that is cancelled");
  BOOST_TEST(h.refused(cancel_event{}).code == refusal::conflict);
}

BOOST_AUTO_TEST_CASE(cancel_stops_running_attempts_and_timers) {
  harness h(
      workflow_doc({shell("a", {{"timeoutSeconds", 5}}), delay_node("d", {{"seconds", 60}})}));
  h.start();
  auto d = h.step(cancel_event{"user"});
  BOOST_TEST(effects_of<cancel_attempt>(d).at(0).node == "a");
  BOOST_TEST(effects_of<cancel_timer>(d).size() == 2u);
  BOOST_TEST(effects_of<finished>(d).at(0).status == execution_status::cancelled);
  BOOST_TEST(h.status("a") == node_status::cancelled);
  BOOST_TEST(h.status("d") == node_status::cancelled);
  BOOST_TEST(h.state().timers.empty());
}

BOOST_AUTO_TEST_CASE(execution_timeout_cancels_attempts_and_pending_nodes) {
  harness h(workflow_doc({shell("a"), shell("b")}, {edge("a", "b")},
                         {{"settings", {{"timeoutSeconds", 30}}}}));
  auto start = h.start();
  BOOST_TEST(effects_of<set_timer>(start).at(0).deadline_ms == 31000);
  auto d = h.fire("execution", 31000);
  BOOST_TEST(h.status() == execution_status::timed_out);
  BOOST_TEST(effects_of<cancel_attempt>(d).at(0).node == "a");
  BOOST_TEST(h.status("b") == node_status::cancelled);
  BOOST_TEST(effects_of<finished>(d).at(0).status == execution_status::timed_out);
}

BOOST_AUTO_TEST_CASE(delay_node_waits_on_a_timer_and_outputs_fired_at) {
  harness h(workflow_doc({delay_node("d", {{"seconds", 90}})}));
  auto start = h.start();
  BOOST_TEST(h.status("d") == node_status::waiting);
  BOOST_TEST(effects_of<set_timer>(start).at(0).deadline_ms == 91000);
  h.fire("delay:d:1", 91500);
  BOOST_TEST(json_or_null(h.state().nodes.at("d").output) ==
             (json{{"firedAt", "1970-01-01T00:01:31.500Z"}}));
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(delay_until_uses_the_absolute_deadline) {
  harness h(workflow_doc({delay_node("d", {{"until", "2030-01-01T00:00:00Z"}})}));
  BOOST_TEST(effects_of<set_timer>(h.start()).at(0).deadline_ms == 1893456000000);
}

BOOST_AUTO_TEST_CASE(recovery_rearms_timers_at_their_original_deadlines) {
  harness h(workflow_doc({delay_node("d", {{"seconds", 60}})}, json::array(),
                         {{"settings", {{"timeoutSeconds", 600}}}}));
  h.start();
  h.set_now(500000);
  auto timers = effects_of<set_timer>(h.step(recovered_event{}));
  BOOST_REQUIRE_EQUAL(timers.size(), 2u);
  BOOST_TEST((timers[0].id == "delay:d:1" && timers[0].deadline_ms == 61000));
  BOOST_TEST((timers[1].id == "execution" && timers[1].deadline_ms == 601000));
}

BOOST_AUTO_TEST_CASE(
    recovery_reruns_a_running_attempt_with_the_same_key_and_never_completed_nodes) {
  harness h(chain());
  h.start();
  h.complete("a", 1, "A");
  auto replayed = fold(h.wf(), h.history());
  auto d = decide(h.wf(), replayed, recovered_event{}, {5000, {}});
  BOOST_REQUIRE(d.has_value());
  auto starts = effects_of<start_attempt>(*d);
  BOOST_REQUIRE_EQUAL(starts.size(), 1u);
  BOOST_TEST(starts[0].node == "b");
  BOOST_TEST(starts[0].attempt == 1);
  BOOST_TEST(starts[0].idempotency_key == "e1/b/1");
  BOOST_TEST(count_records(d->records, kind::kAttemptInterrupted, "b") == 1);
  BOOST_TEST(count_records(d->records, kind::kAttemptStarted) == 0);
}

BOOST_AUTO_TEST_CASE(fold_of_the_history_equals_the_state_reached_by_decide) {
  harness h(workflow_doc({shell("a", {{"retry", {{"maxAttempts", 2}}}}), shell("b"), shell("c")},
                         {edge("a", "b"), edge("a", "c", {{"on", "error"}})}));
  h.start();
  h.fail_attempt("a", 1, "exit_code");
  h.fire("retry:a:2", 3000);
  h.complete("a", 2, {{"k", 1}});
  auto replayed = fold(h.wf(), h.history());
  BOOST_TEST(to_snapshot(replayed).DebugString() == to_snapshot(h.state()).DebugString());
  h.complete("b", 1);
  BOOST_TEST(to_snapshot(fold(h.wf(), h.history())).DebugString() ==
             to_snapshot(h.state()).DebugString());
}

BOOST_AUTO_TEST_CASE(snapshot_round_trip_keeps_the_state) {
  harness h(workflow_doc({shell("a", {{"timeoutSeconds", 3}}), shell("b")}, {edge("a", "b")}));
  h.start({{"x", 1}});
  auto snapshot = to_snapshot(h.state());
  auto back = from_snapshot(snapshot);
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(to_snapshot(*back).DebugString() == snapshot.DebugString());
  BOOST_TEST(back->timers.at("timeout:a:1").deadline_ms == 4000);
  snapshot.set_status("sleeping");
  BOOST_TEST(from_snapshot(snapshot).error() == "snapshot: unknown execution status \"sleeping\"");
}

BOOST_AUTO_TEST_CASE(node_start_and_end_times_are_folded_and_survive_a_snapshot) {
  harness h(chain());
  h.start();
  h.set_now(2500);
  h.complete("a", 1, "A");
  const auto& a = h.state().nodes.at("a");
  BOOST_TEST(a.started_ms == 1000);
  BOOST_TEST(a.ended_ms == 2500);
  BOOST_TEST(h.state().nodes.at("b").started_ms == 2500);
  BOOST_TEST(h.state().nodes.at("b").ended_ms == 0);
  auto back = from_snapshot(to_snapshot(h.state()));
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->nodes.at("a").started_ms == 1000);
  BOOST_TEST(back->nodes.at("a").ended_ms == 2500);
}

BOOST_AUTO_TEST_CASE(records_render_as_json_for_the_history_endpoint) {
  harness h(chain());
  h.start({{"x", 1}});
  auto started = record_to_json(h.history().at(0));
  BOOST_TEST(started["kind"] == "execution_started");
  BOOST_TEST(started["data"]["input"] == (json{{"x", 1}}));
  auto attempt = record_to_json(h.history().at(2));
  BOOST_TEST(attempt["kind"] == "attempt_started");
  BOOST_TEST(attempt["nodeId"] == "a");
  BOOST_TEST(attempt["attempt"] == 1);
  BOOST_TEST(attempt["data"]["idempotencyKey"] == "e1/a/1");
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_at_start) {
  harness v(
      workflow_doc({shell("a")}, json::array(),
                   {{"variables", {{{"name", "n"}, {"type", "number"}, {"required", true}}}}}));
  BOOST_TEST(v.refused(start_event{"e1", 1, share_json(json::object())}).code == refusal::invalid);
}

BOOST_AUTO_TEST_SUITE_END()
