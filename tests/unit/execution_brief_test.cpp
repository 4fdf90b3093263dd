// Direct requests to an execution actor: locating it through the service and its brief.
#include <boost/test/unit_test.hpp>

#include "tests/unit/execution_harness.hpp"

namespace {

using namespace auraos::test;

json workflow(const std::string& id, json node) {
  return {{"id", id}, {"name", id}, {"nodes", {std::move(node)}}, {"connections", json::array()}};
}

a::executions::locate_reply locate(execution_harness& h, const std::string& id) {
  caf::scoped_actor self{h.system()};
  a::executions::locate_reply out =
      auraos::fail(a::executions::execution_failure{auraos::errc::internal, "no reply", {}});
  self->request(h.service(), std::chrono::seconds(10), a::executions::locate_atom::value, id)
      .receive([&](a::executions::locate_reply& r) { out = std::move(r); }, [](caf::error&) {});
  return out;
}

a::executions::execution_brief brief(execution_harness& h, const caf::actor& actor) {
  caf::scoped_actor self{h.system()};
  a::executions::execution_brief out{-1, ""};
  self->request(actor, std::chrono::seconds(10), a::executions::brief_atom::value)
      .receive([&](a::executions::execution_brief& b) { out = std::move(b); }, [](caf::error&) {});
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(execution_brief)

BOOST_AUTO_TEST_CASE(brief_of_a_live_execution_has_its_status_and_last_seq) {
  execution_harness h;
  h.put_workflow(workflow("w", {{"id", "w"}, {"type", "delay"}, {"config", {{"seconds", 3600}}}}));
  auto id = h.start("w").at("id").get<std::string>();
  auto actor = locate(h, id);
  BOOST_REQUIRE_MESSAGE(actor.has_value(), (actor ? "" : actor.error().message));
  auto b = brief(h, *actor);
  BOOST_TEST(b.status == "running");
  BOOST_TEST(b.seq == static_cast<std::int64_t>(h.history(id).size()));
  h.ask(a::executions::pause_atom::value, id);
  BOOST_TEST(brief(h, *actor).status == "paused");
}

BOOST_AUTO_TEST_CASE(locate_refuses_unknown_and_finished_executions) {
  execution_harness h;
  h.put_workflow(workflow("t", {{"id", "t"}, {"type", "transform"}, {"config", {{"output", 1}}}}));
  auto id = h.start("t").at("id").get<std::string>();
  h.wait_end(id);
  BOOST_REQUIRE(execution_harness::eventually([&] { return !locate(h, id).has_value(); }));
  BOOST_TEST((locate(h, id).error().code == auraos::errc::conflict));
  BOOST_TEST((locate(h, "no-such-id").error().code == auraos::errc::not_found));
}

BOOST_AUTO_TEST_SUITE_END()
