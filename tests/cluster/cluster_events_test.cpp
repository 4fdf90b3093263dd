// Events in a cluster of real nodes on one throwaway PostgreSQL (docs/events.md, In a cluster):
// events published on any node reach the live subscribers (SSE and WebSocket) and the waits of
// every node, in storing order, once each; the stream of a type runs on the holder of its shard
// and its triggers start one execution per event, also when that node is killed with kill -9
// while events are being published; pattern rules are managed from any node and match events
// published on several nodes.
#include <boost/test/unit_test.hpp>

#include <set>

#include "persistence/shards.hpp"
#include "tests/cluster/cluster_fixture.hpp"
#include "tests/support/sse_client.hpp"
#include "tests/support/websocket_client.hpp"

namespace {

using namespace auraos::test;
using nlohmann::json;
using std::chrono::seconds;

/// The member holding `shard`, as `m` sees it ("" when none).
std::string holder(cluster_member& m, std::int64_t shard) {
  for (const auto& row : m.call("GET", "/api/v1/cluster/shards").json)
    if (row["shard"] == shard && row["owner"].is_string()) return row["owner"];
  return "";
}

/// The member holding the coordinator shard (shard 0), as `m` sees it.
std::string coordinator(cluster_member& m) { return holder(m, 0); }

/// True when `m`'s supervision tree holds an actor named `name`.
bool supervises(cluster_member& m, const std::string& name) {
  return m.call("GET", "/api/v1/supervision").body.find("\"" + name + "\"") != std::string::npos;
}

/// Publishes `body` on `m`; the stored events.
json publish(cluster_member& m, const json& body) {
  auto reply = m.call("POST", "/api/v1/events", body.dump());
  BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
  return reply.json["items"];
}

/// Every stored event of `type`, in storing order, read through `m`.
std::vector<std::string> stored_ids(cluster_member& m, const std::string& type) {
  std::vector<std::string> ids;
  std::string cursor;
  while (true) {
    auto page = m.call("GET", "/api/v1/events?limit=1000&type=" + type +
                                  (cursor.empty() ? "" : "&cursor=" + cursor));
    BOOST_TEST_REQUIRE(page.status == 200, page.body);
    for (const auto& e : page.json["items"]) ids.push_back(e["id"]);
    if (!page.json["nextCursor"].is_string()) return ids;
    cursor = page.json["nextCursor"];
  }
}

/// The executions of `workflow` (at most 1,000), read through `m`.
json executions_of(cluster_member& m, const std::string& workflow) {
  return m.call("GET", "/api/v1/executions?limit=1000&workflowId=" + workflow).json["items"];
}

}  // namespace

BOOST_AUTO_TEST_CASE(events_of_every_node_reach_the_subscribers_and_waits_of_every_node) {
  cluster_fixture c;
  auto members = c.start_spread({"n1", "n2", "n3"});
  auto &n1 = *members[0], &n2 = *members[1], &n3 = *members[2];
  sse_client sse{n2.http_port, "/api/v1/events/stream?type=tick"};
  BOOST_REQUIRE_EQUAL(sse.wait_status(), 200);
  websocket_client socket{n3.http_port, "/api/v1/events/stream?type=tick"};
  BOOST_REQUIRE_EQUAL(socket.status(), 101);
  BOOST_REQUIRE(sse.wait_for([](const sse_message& m) { return m.data == "live"; }, seconds(10)) >=
                0);

  // A wait on n1 is woken by an event published on n2.
  auto wf = json{{"id", "pay"},
                 {"name", "pay"},
                 {"nodes",
                  {{{"id", "paid"},
                    {"type", "wait_event"},
                    {"config",
                     {{"type", "paid"}, {"correlationId", "${execution.id}"}, {"timeoutSeconds", 60}}}}}}};
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", wf.dump()).status, 201);
  auto started = n1.call("POST", "/api/v1/workflows/pay/executions", R"({"input": {}})");
  BOOST_REQUIRE_MESSAGE(started.status == 202, started.body);
  std::string id = started.json["id"];

  // Batches from all three nodes, interleaved.
  for (int round = 0; round < 30; ++round) {
    json batch = json::array();
    for (int i = 0; i < 5; ++i)
      batch.push_back({{"type", "tick"}, {"source", "n"}, {"data", {{"round", round}, {"i", i}}}});
    publish(*members[static_cast<std::size_t>(round) % 3], batch);
  }
  publish(n2, {{"type", "paid"}, {"source", "bank"}, {"correlationId", id}});
  BOOST_TEST(n1.wait_status(id, "completed", seconds(30)));
  // A signal through another node is answered by the execution's owner.
  auto late = n3.call("POST", "/api/v1/executions/" + id + "/signal", R"({"name": "paid"})");
  BOOST_TEST(late.status == 409, late.body);
  BOOST_TEST(late.headers["auraos-node"] == "n1");

  auto stored = stored_ids(n1, "tick");
  BOOST_REQUIRE_EQUAL(stored.size(), 150u);
  BOOST_REQUIRE(socket.wait_messages(150, seconds(30)));
  auto streamed = [&] {
    std::vector<std::string> ids;
    for (const auto& m : sse.messages())
      if (m.event == "event") ids.push_back(json::parse(m.data)["id"]);
    return ids;
  };
  BOOST_REQUIRE(wait_until([&] { return streamed().size() >= 150; }, seconds(30)));
  BOOST_TEST(streamed() == stored, "SSE on n2: every node's events, in storing order, once");
  std::vector<std::string> received;
  for (const auto& m : socket.messages()) received.push_back(json::parse(m)["id"]);
  BOOST_TEST(received == stored, "WebSocket on n3: every node's events, in storing order, once");
}

BOOST_AUTO_TEST_CASE(a_streams_triggers_run_once_per_event_across_a_kill_9_of_its_holder) {
  cluster_fixture c;
  auto members = c.start_spread({"n1", "n2", "n3"});
  auto& n1 = *members[0];
  auto wf = json{{"id", "on-order"},
                 {"name", "on-order"},
                 {"nodes", {{{"id", "take"}, {"type", "transform"}, {"config", {{"output", "${input}"}}}}}},
                 {"triggers",
                  {{{"event", {{"type", "order.created"}}},
                    {"input", {{"order", "${event.data.n}"}, {"event", "${event.id}"}}}}}}};
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", wf.dump()).status, 201);
  auto shard = auraos::persistence::shard_of("order.created");
  auto boss = holder(n1, shard);
  BOOST_REQUIRE(!boss.empty());
  auto& victim = c[boss];
  std::vector<cluster_member*> others;
  for (auto* m : members)
    if (m->name != boss) others.push_back(m);
  // The stream's holder reads the workflows' triggers again within 2 s of a change elsewhere.
  BOOST_REQUIRE(wait_until(
      [&] {
        publish(*others[0], {{"type", "order.created"}, {"source", "shop"}, {"data", {{"n", -1}}}});
        return !executions_of(*others[0], "on-order").empty();
      },
      seconds(20)));

  BOOST_TEST(supervises(victim, "stream:order.created"), "the stream runs on its shard's holder");
  BOOST_TEST(!supervises(*others[0], "stream:order.created"));
  constexpr int events = 300;
  for (int i = 0; i < events; ++i) {
    if (i == events / 3) victim.process->signal(SIGKILL);
    publish(*others[static_cast<std::size_t>(i) % 2],
            {{"type", "order.created"}, {"source", "shop"}, {"data", {{"n", i}}}});
  }
  victim.process->wait_exit(seconds(10));
  auto& survivor = *others[0];
  auto published = stored_ids(survivor, "order.created");
  BOOST_REQUIRE_GE(published.size(), std::size_t{events + 1});
  auto started_for = [&] {
    std::multiset<std::string> out;
    for (const auto& e : executions_of(survivor, "on-order"))
      if (e["input"].is_object()) out.insert(e["input"]["event"].get<std::string>());
    return out;
  };
  BOOST_TEST_REQUIRE(wait_until([&] { return started_for().size() >= published.size(); },
                                seconds(90)),
                     started_for().size() << " executions for " << published.size() << " events");
  auto started = started_for();
  BOOST_TEST(started.size() == published.size(), "one execution per event, no more");
  BOOST_TEST(std::set<std::string>(started.begin(), started.end()) ==
             std::set<std::string>(published.begin(), published.end()));
  // The survivor's view of the shard map follows its lease keeper's reads.
  std::string now;
  BOOST_TEST(wait_until(
                 [&] {
                   now = holder(survivor, shard);
                   return !now.empty() && now != boss;
                 },
                 seconds(20)),
             "the stream's shard moved away from " << boss);
  if (!now.empty()) BOOST_TEST(supervises(c[now], "stream:order.created"));
}

BOOST_AUTO_TEST_CASE(a_pattern_rule_made_on_any_node_matches_events_of_several_nodes) {
  cluster_fixture c;
  auto members = c.start_spread({"n1", "n2"});
  auto &n1 = *members[0], &n2 = *members[1];
  auto boss = coordinator(n1);
  auto& elsewhere = boss == "n1" ? n2 : n1;
  auto& home = boss == "n1" ? n1 : n2;
  auto rule = json{{"id", "paid-shipped"},
                   {"name", "paid then shipped"},
                   {"kind", "sequence"},
                   {"steps", {{{"type", "order.paid"}}, {{"type", "order.shipped"}}}},
                   {"within", 60},
                   {"by", "correlationId"},
                   {"emit", {{"type", "order.done"}, {"source", "patterns"}}}};
  auto created = elsewhere.call("POST", "/api/v1/event-patterns", rule.dump());
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  BOOST_TEST(created.headers["auraos-node"] == boss, "managed on the coordinator");
  BOOST_TEST(home.call("GET", "/api/v1/event-patterns/paid-shipped").status == 200);
  auto paid = publish(elsewhere, {{"type", "order.paid"}, {"source", "shop"}, {"correlationId", "o1"}});
  auto shipped =
      publish(home, {{"type", "order.shipped"}, {"source", "shop"}, {"correlationId", "o1"}});
  BOOST_REQUIRE(wait_until([&] { return stored_ids(elsewhere, "order.done").size() == 1; }, seconds(20)));
  auto done = elsewhere.call("GET", "/api/v1/events?type=order.done").json["items"][0];
  BOOST_TEST(done["causationId"] == shipped[0]["id"]);
  BOOST_TEST(done["data"]["matched"] == (json{paid[0]["id"], shipped[0]["id"]}));
  auto listed = elsewhere.call("GET", "/api/v1/event-patterns").json["items"];
  BOOST_TEST_REQUIRE(listed.size() == 1u);
  BOOST_TEST(listed[0]["matches"] == 1);
}
