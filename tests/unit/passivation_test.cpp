// Passivation of waiting executions: starts and requests racing with passivation, control of a
// passivated execution, and timers re-activating executions from the store. Time is the
// harness's simulated clock: no test waits in real time for a timer.
#include <boost/test/unit_test.hpp>

#include "tests/unit/execution_harness.hpp"

namespace {

using namespace auraos::test;

json waiting(const std::string& id, int seconds) {
  return {{"id", id},
          {"name", id},
          {"nodes", {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", seconds}}}}}},
          {"connections", json::array()}};
}

/// Sends `count` starts at once and collects every answer.
std::vector<a::executions::execution_reply> start_at_once(execution_harness& h,
                                                          const std::string& workflow, int count) {
  caf::scoped_actor self{h.system()};
  auto service = h.service();
  for (int i = 0; i < count; ++i)
    self->send(service, a::executions::start_execution_command{workflow, 0, "null", ""});
  std::vector<a::executions::execution_reply> replies;
  bool timed_out = false;
  while (!timed_out && replies.size() < static_cast<std::size_t>(count))
    self->receive([&](a::executions::execution_reply& r) { replies.push_back(std::move(r)); },
                  caf::after(std::chrono::seconds(60)) >> [&] { timed_out = true; });
  return replies;
}

/// Lets simulated time pass (20 ms at a time, 500 ms at most) until no execution actor lives.
bool all_passivated(execution_harness& h) {
  return h.advance_until(
      [&] {
        auto c = h.counters();
        return c.at("activeActors").get<int>() == 0;
      },
      milliseconds(20), milliseconds(500));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(passivation)

BOOST_AUTO_TEST_CASE(starts_are_answered_when_executions_passivate_at_once) {
  execution_harness h;
  h.stop_system();
  h.start_system(milliseconds(0));
  h.put_workflow(waiting("w", 3600));
  auto replies = start_at_once(h, "w", 2000);
  BOOST_REQUIRE_EQUAL(replies.size(), 2000u);
  int refused = 0;
  for (const auto& r : replies)
    if (!r) ++refused, BOOST_TEST_MESSAGE(r.error().message);
  BOOST_TEST(refused == 0);
  BOOST_TEST(all_passivated(h));
}

BOOST_AUTO_TEST_CASE(get_pause_resume_and_cancel_reach_a_passivated_execution) {
  execution_harness h;
  h.stop_system();
  h.start_system(milliseconds(20));
  h.put_workflow(waiting("w", 3600));
  auto id = h.start("w").at("id").get<std::string>();
  BOOST_REQUIRE(all_passivated(h));
  BOOST_TEST(h.get(id).at("status") == "running");
  BOOST_REQUIRE(all_passivated(h));
  BOOST_TEST(
      auraos::gateway::execution_json(*h.ask(a::executions::pause_atom::value, id)).at("status") ==
      "paused");
  BOOST_REQUIRE(all_passivated(h));
  BOOST_TEST(
      auraos::gateway::execution_json(*h.ask(a::executions::resume_atom::value, id)).at("status") ==
      "running");
  BOOST_REQUIRE(all_passivated(h));
  BOOST_TEST(
      auraos::gateway::execution_json(*h.ask(a::executions::cancel_atom::value, id)).at("status") ==
      "cancelled");
  BOOST_TEST(h.wait_end(id).at("status") == "cancelled");
}

BOOST_AUTO_TEST_CASE(passivated_executions_wake_at_their_own_deadlines) {
  execution_harness h;
  h.stop_system();
  h.start_system(milliseconds(20));
  h.put_workflow(waiting("short", 1));
  h.put_workflow(waiting("long", 2));
  auto began = h.env->now_ms();
  auto late = h.start("long").at("id").get<std::string>();
  auto early = h.start("short").at("id").get<std::string>();
  BOOST_REQUIRE(all_passivated(h));
  // Nothing fires before the earlier deadline: the one wake-up is armed for it.
  h.env->advance_to(began + 999);
  BOOST_TEST(execution_harness::eventually(
      [&] { return h.env->next_deadline_ms() == std::optional<std::int64_t>(began + 1000); }));
  BOOST_TEST(!h.ended(early));
  h.env->advance_to(began + 1000);
  BOOST_TEST(h.wait_end(early, milliseconds(0)).at("status") == "completed");
  auto first = h.ended_at(early) - began;
  BOOST_TEST(!h.ended(late));
  h.env->advance_to(began + 2000);
  BOOST_TEST(h.wait_end(late, milliseconds(0)).at("status") == "completed");
  auto second = h.ended_at(late) - began;
  BOOST_TEST(first >= 1000);
  BOOST_TEST(first < 1900);
  BOOST_TEST(second >= 2000);
}

BOOST_AUTO_TEST_CASE(timer_of_an_execution_passivated_before_a_restart_fires_after_it) {
  execution_harness h;
  h.stop_system();
  h.start_system(milliseconds(20));
  h.put_workflow(waiting("w", 2));
  auto began = h.env->now_ms();
  auto id = h.start("w").at("id").get<std::string>();
  BOOST_REQUIRE(all_passivated(h));
  h.stop_system();
  h.start_system(milliseconds(20));
  BOOST_TEST(h.wait_end(id).at("status") == "completed");
  BOOST_TEST(h.ended_at(id) - began >= 2000);
}

BOOST_AUTO_TEST_CASE(recovered_waiting_executions_passivate_at_once_and_still_fire) {
  execution_harness h;
  h.stop_system();
  h.start_system(std::chrono::hours(1));
  h.put_workflow(waiting("w", 3));
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) ids.push_back(h.start("w").at("id").get<std::string>());
  BOOST_TEST(h.counters().at("activeActors").get<int>() == 300);
  h.stop_system();
  h.start_system(std::chrono::hours(1));
  // Recovery runs after start_system returns: wait for all 300 to be re-activated and then
  // passivated (an idle hour-long passivation delay must not keep them in memory).
  BOOST_REQUIRE(execution_harness::eventually([&] {
    auto c = h.counters();
    return c.at("activations").get<int>() >= 300 && c.at("activeActors").get<int>() == 0;
  }));
  for (const auto& id : ids) BOOST_TEST(h.wait_end(id).at("status") == "completed");
}

BOOST_AUTO_TEST_CASE(far_timer_of_a_busy_live_execution_fires_through_the_service_wake_up) {
  execution_harness h;
  h.stop_system();
  h.start_system(milliseconds(100));
  json wf = waiting("busy", 1);
  wf["nodes"].push_back({{"id", "work"}, {"type", "shell"}, {"config", {{"command", "sleep 2"}}}});
  h.put_workflow(wf);
  auto id = h.start("busy").at("id").get<std::string>();
  auto view = h.wait_end(id);
  BOOST_TEST(view.at("status") == "completed");
  std::map<std::string, std::string> ended;
  for (const auto& n : view.at("nodes")) ended[n.at("id")] = n.at("completedAt");
  BOOST_TEST(ended.at("wait") < ended.at("work"));
  BOOST_TEST(h.counters().at("passivations").get<int>() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
