// The actor message API and REST in Protobuf on a real node: the C++ client's typed calls,
// errors as values, a live subscription, an unreachable node; REST answers and bodies in
// application/x-protobuf equal to their JSON.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <condition_variable>
#include <optional>
#include <thread>
#include <mutex>

#include <google/protobuf/util/json_util.h>

#include "client/client.hpp"
#include "tests/support/json_equal.hpp"
#include "tests/support/serve_node.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

/// A node with the actor API on a free port.
struct api_node {
  auraos::test::temp_dir data;
  auraos::test::serve_process process{{"--http", "127.0.0.1:0", "--api-listen", "127.0.0.1:0",
                                       "--data-dir", data.path().string()}};
  std::uint16_t http_port = process.wait_for_port();
  std::uint16_t api_port = static_cast<std::uint16_t>(std::stoi(
      process.wait_for_line(R"(actor message API on [^ ]*:(\d+))", 30s)[1].str()));
  bool ready = auraos::test::wait_ready(http_port, 30s);  ///< True once /readyz answers 200.

  auraos::client::options options() const {
    auraos::client::options out;
    out.port = api_port;
    return out;
  }
};

auraos::v1::WorkflowDefinition definition_of(const std::string& text) {
  auraos::v1::WorkflowDefinition out;
  BOOST_REQUIRE(google::protobuf::util::JsonStringToMessage(text, &out).ok());
  return out;
}

const char* two_shell_steps = R"json({"name": "client-test", "nodes": [
  {"id": "a", "type": "shell", "config": {"command": "echo a"}},
  {"id": "b", "type": "shell", "config": {"command": "echo b"}}],
  "connections": [{"from": "a", "to": "b"}]})json";

/// The JSON of a Protobuf answer of `type` (defaults written out, as the API's JSON has them).
json json_of(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string text;
  BOOST_REQUIRE(google::protobuf::util::MessageToJsonString(message, &text, options).ok());
  return json::parse(text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_api)

BOOST_AUTO_TEST_CASE(typed_calls_store_run_and_read_a_workflow) {
  api_node node;
  BOOST_TEST_REQUIRE(node.ready);
  auraos::client::client c{node.options()};
  auto health = c.health();
  BOOST_TEST_REQUIRE(health.has_value());
  BOOST_TEST(health->status() == "ok");
  auto workflow = c.create_workflow(definition_of(two_shell_steps));
  BOOST_TEST_REQUIRE(workflow.has_value());
  BOOST_TEST(workflow->revision() == 1);
  auto started = c.execute(workflow->id(), {});
  BOOST_TEST_REQUIRE(started.has_value(), (started ? "" : started.error().code + ": " + started.error().message));
  BOOST_TEST(!started->node.empty());
  auto id = started->value.id();
  std::string status;
  for (auto until = std::chrono::steady_clock::now() + 30s;
       std::chrono::steady_clock::now() < until && status != "completed";) {
    auto now = c.get_execution(id);
    BOOST_TEST_REQUIRE(now.has_value());
    status = now->value.status();
    if (status != "completed") std::this_thread::sleep_for(20ms);
  }
  BOOST_TEST(status == "completed");
  auto history = c.history(id);
  BOOST_TEST_REQUIRE(history.has_value());
  BOOST_TEST(history->items_size() > 4);
  auto listed = c.list_executions({{"workflowId", workflow->id()}});
  BOOST_TEST_REQUIRE(listed.has_value());
  BOOST_TEST(listed->items_size() == 1);
  auto other = c.create_workflow(definition_of(two_shell_steps));
  BOOST_TEST_REQUIRE(other.has_value());
  BOOST_TEST(c.delete_workflow(other->id()).has_value());
  auto gone = c.delete_workflow(other->id());
  BOOST_TEST_REQUIRE(!gone.has_value());
  BOOST_TEST(gone.error().status == 404);
}

BOOST_AUTO_TEST_CASE(values_nested_as_deep_as_json_allows_travel_both_ways) {
  api_node node;
  auraos::client::client c{node.options()};
  auto workflow = c.create_workflow(definition_of(two_shell_steps));
  BOOST_TEST_REQUIRE(workflow.has_value());
  // A body 64 levels deep (the JSON API's limit), far past libprotobuf's own JSON mapping.
  json expected = {{"a", json::array({"x"})}};
  for (int level = 2; level < 63; ++level)
    expected = level % 2 ? json::array({expected}) : json{{"a", expected}};
  auraos::v1::StartExecutionRequest body;
  BOOST_TEST_REQUIRE(google::protobuf::util::JsonStringToMessage(
      json{{"input", {{"a", json::array({"x"})}}}}.dump(), &body).ok());
  // The message is built by hand past libprotobuf's JSON depth: the same wrapping.
  for (int level = 2; level < 63; ++level) {
    google::protobuf::Value outer;
    if (level % 2) {
      *outer.mutable_list_value()->add_values() = body.input();
    } else {
      (*outer.mutable_struct_value()->mutable_fields())["a"] = body.input();
    }
    *body.mutable_input() = outer;
  }
  auto started = c.execute(workflow->id(), body);
  BOOST_TEST_REQUIRE(started.has_value(), (started ? "" : started.error().code + ": " + started.error().message));
  auto read = c.get_execution(started->value.id());
  BOOST_TEST_REQUIRE(read.has_value(), (read ? "" : read.error().code + ": " + read.error().message));
  BOOST_TEST(read->value.input().DebugString() == body.input().DebugString());
  auto rest = auraos::test::api_call(node.http_port, "GET", "/api/v1/executions/" + started->value.id());
  BOOST_TEST(rest.json.at("input") == expected);
}

BOOST_AUTO_TEST_CASE(errors_are_values_with_the_status_and_code_of_rest) {
  api_node node;
  auraos::client::client c{node.options()};
  auto missing = c.get_workflow("no-such-workflow");
  BOOST_TEST_REQUIRE(!missing.has_value());
  BOOST_TEST(missing.error().status == 404);
  BOOST_TEST(missing.error().code == "not_found");
  auto bad = c.create_workflow(definition_of(R"({"name": "x", "nodes": [{"id": "a", "type": "shell"}]})"));
  BOOST_TEST_REQUIRE(!bad.has_value());
  BOOST_TEST(bad.error().status == 422);
  auraos::v1::ApiCall call;
  call.set_operation("noSuchOperation");
  auto unknown = c.call(call, true);
  BOOST_TEST_REQUIRE(unknown.has_value());
  BOOST_TEST(unknown->status() == 404);
  call.set_operation("createWorkflow");
  call.set_body(std::string(2 << 20, 'x'));  // above maxBodyBytes, as over HTTP
  auto huge = c.call(call, false);
  BOOST_TEST_REQUIRE(huge.has_value());
  BOOST_TEST(huge->status() == 413);
  call.set_body("not a definition");
  auto garbage = c.call(call, false);
  BOOST_TEST_REQUIRE(garbage.has_value());
  BOOST_TEST(garbage->status() == 400);
  call.clear_body();
  call.set_operation("getWorkflow");  // its {id} is missing
  auto no_id = c.call(call, true);
  BOOST_TEST_REQUIRE(no_id.has_value());
  BOOST_TEST(no_id->status() == 400);
  // Protobuf strings are UTF-8: such a call is refused before it is sent, naming the parameter.
  auto not_utf8 = c.get_workflow("\xff\xfe");
  BOOST_TEST_REQUIRE(!not_utf8.has_value());
  BOOST_TEST(not_utf8.error().code == "bad_request");
  BOOST_TEST(not_utf8.error().message == "path parameter 'id' is not valid UTF-8");
  auto odd_limit = c.list_workflows({{"limit", "-5"}});
  BOOST_TEST_REQUIRE(!odd_limit.has_value());
  BOOST_TEST(odd_limit.error().status == 400);
}

BOOST_AUTO_TEST_CASE(a_subscription_hears_published_events_in_order) {
  api_node node;
  auraos::client::client c{node.options()};
  std::mutex mutex;
  std::condition_variable heard;
  std::vector<std::string> types;
  auraos::v1::EventSubscription filter;
  filter.add_types("t.one");
  filter.add_types("t.two");
  auto subscribed = c.subscribe(filter, [&](const auraos::v1::Event& e) {
    std::lock_guard lock{mutex};
    types.push_back(e.type());
    heard.notify_all();
  });
  BOOST_TEST_REQUIRE(subscribed.has_value());
  // The stream opens asynchronously: publish until the first one is heard.
  auraos::v1::EventInput first;
  first.set_type("t.one");
  first.set_source("test");
  {
    std::unique_lock lock{mutex};
    for (int i = 0; i < 50 && types.empty(); ++i) {
      lock.unlock();
      BOOST_TEST_REQUIRE(c.publish(first).has_value());
      lock.lock();
      heard.wait_for(lock, 100ms, [&] { return !types.empty(); });
    }
  }
  auraos::v1::EventBatch batch;
  for (const char* type : {"t.other", "t.two"}) {
    auto* e = batch.add_items();
    e->set_type(type);
    e->set_source("test");
  }
  BOOST_TEST_REQUIRE(c.publish(batch).has_value());
  std::unique_lock lock{mutex};
  BOOST_TEST(heard.wait_for(lock, 10s, [&] { return !types.empty() && types.back() == "t.two"; }));
  BOOST_TEST(std::count(types.begin(), types.end(), "t.other") == 0);
}

BOOST_AUTO_TEST_CASE(a_bad_where_ends_the_subscription_with_the_error) {
  api_node node;
  auraos::client::client c{node.options()};
  std::mutex mutex;
  std::condition_variable ended;
  std::optional<auraos::client::error> why;
  auraos::v1::EventSubscription filter;
  filter.set_where("event.data.(");
  auto subscribed = c.subscribe(
      filter, [](const auraos::v1::Event&) {},
      [&](const auraos::client::error& e) {
        std::lock_guard lock{mutex};
        why = e;
        ended.notify_all();
      });
  BOOST_TEST_REQUIRE(subscribed.has_value());
  std::unique_lock lock{mutex};
  BOOST_TEST_REQUIRE(ended.wait_for(lock, 10s, [&] { return why.has_value(); }));
  BOOST_TEST(why->status == 400);
}

BOOST_AUTO_TEST_CASE(an_unreachable_node_is_an_error_value) {
  auraos::client::options options;
  options.port = 1;
  options.connect_attempts = 2;
  auraos::client::client c{options};
  auto health = c.health();
  BOOST_TEST_REQUIRE(!health.has_value());
  BOOST_TEST(health.error().status == 0);
  BOOST_TEST(health.error().code == "unreachable");
}

BOOST_AUTO_TEST_CASE(rest_speaks_protobuf_with_the_same_data_as_json) {
  api_node node;
  auraos::v1::WorkflowDefinition definition = definition_of(two_shell_steps);
  auto posted = auraos::test::api_call(
      node.http_port, "POST", "/api/v1/workflows", "",
      {{"Content-Type", "application/x-protobuf"}, {"Accept", "application/x-protobuf"}});
  BOOST_TEST(posted.status == 422);  // an empty message is a definition without name and nodes
  auto sent = auraos::test::http_fetch(
      "127.0.0.1", node.http_port,
      {"POST", "/api/v1/workflows", definition.SerializeAsString(),
       {{"Content-Type", "application/x-protobuf"}, {"Accept", "application/x-protobuf"}}});
  BOOST_TEST_REQUIRE(sent.status == 201);
  auraos::v1::Workflow workflow;
  BOOST_TEST_REQUIRE(workflow.ParseFromString(sent.body));
  auto as_json = auraos::test::api_call(node.http_port, "GET", "/api/v1/workflows/" + workflow.id());
  BOOST_TEST(auraos::test::without_nulls(json_of(workflow)) == auraos::test::without_nulls(as_json.json));
  auto in_protobuf = auraos::test::http_fetch(
      "127.0.0.1", node.http_port,
      {"GET", "/api/v1/workflows/" + workflow.id(), "", {{"Accept", "application/x-protobuf"}}});
  auraos::v1::Workflow read;
  BOOST_TEST_REQUIRE(read.ParseFromString(in_protobuf.body));
  BOOST_TEST(auraos::test::without_nulls(json_of(read)) == auraos::test::without_nulls(as_json.json));
  auto text_only = auraos::test::api_call(node.http_port, "GET", "/metrics", "",
                                          {{"Accept", "application/x-protobuf"}});
  BOOST_TEST(text_only.status == 406);
  // Accept weights choose: JSON weighing more wins; a text route serves a client that takes text.
  auto fetch = [&](const std::string& target, const std::string& accept) {
    return auraos::test::http_fetch("127.0.0.1", node.http_port,
                                    {"GET", target, "", {{"Accept", accept}}});
  };
  auto prefers_json = fetch("/api/v1/workflows", "application/x-protobuf;q=0.5, application/json;q=0.6");
  BOOST_TEST(prefers_json.headers["content-type"].rfind("application/json", 0) == 0);
  auto prefers_protobuf = fetch("/api/v1/workflows", "application/x-protobuf, */*;q=0.1");
  BOOST_TEST(prefers_protobuf.headers["content-type"] == "application/x-protobuf");
  auto also_text = fetch("/metrics", "application/x-protobuf, text/plain;q=0.1");
  BOOST_TEST(also_text.status == 200);
  BOOST_TEST(also_text.headers["content-type"].rfind("text/plain", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
