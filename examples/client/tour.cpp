// A tour of the C++ client (docs/client.md): connect to a node's actor API, store a workflow,
// run it, follow its status, and hear an event through a live subscription.
//
//   auraos serve --api-listen 127.0.0.1:7070 &
//   ./build/client/client_tour 127.0.0.1 7070

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

#include <google/protobuf/util/json_util.h>

#include "client/client.hpp"

namespace {

constexpr const char* definition_json = R"json({
  "name": "client-tour",
  "nodes": [
    {"id": "hello", "type": "shell", "config": {"command": "echo hello from the client"}},
    {"id": "done", "type": "shell", "config": {"command": "echo done"}}
  ],
  "connections": [{"from": "hello", "to": "done"}]
})json";

int failed(const char* what, const auraos::client::error& e) {
  std::fprintf(stderr, "%s: %d %s: %s\n", what, e.status, e.code.c_str(), e.message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  auraos::client::options options;
  options.host = argc > 1 ? argv[1] : "127.0.0.1";
  options.port = static_cast<std::uint16_t>(argc > 2 ? std::atoi(argv[2]) : 7070);
  auraos::client::client node{options};

  auto health = node.health();
  if (!health) return failed("health", health.error());
  std::printf("node health: %s\n", health->status().c_str());

  auraos::v1::WorkflowDefinition definition;
  if (!google::protobuf::util::JsonStringToMessage(definition_json, &definition).ok()) return 1;
  auto workflow = node.create_workflow(definition);
  if (!workflow) return failed("create_workflow", workflow.error());
  std::printf("workflow %s, revision %d\n", workflow->id().c_str(), workflow->revision());

  auto started = node.execute(workflow->id(), {});
  if (!started) return failed("execute", started.error());
  auto id = started->value.id();
  std::printf("execution %s started on node %s\n", id.c_str(), started->node.c_str());
  for (int i = 0; i < 300; ++i) {
    auto now = node.get_execution(id);
    if (!now) return failed("get_execution", now.error());
    const auto& status = now->value.status();
    if (status == "completed" || status == "failed" || status == "cancelled") {
      std::printf("execution %s: %s\n", id.c_str(), status.c_str());
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // a poll, as a user would
  }

  std::mutex mutex;
  std::condition_variable heard;
  std::string event_type;
  auraos::v1::EventSubscription filter;
  filter.add_types("tour.greeting");
  auto subscribed = node.subscribe(filter, [&](const auraos::v1::Event& e) {
    std::lock_guard lock{mutex};
    event_type = e.type();
    heard.notify_all();
  });
  if (!subscribed) return failed("subscribe", subscribed.error());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the stream open
  auraos::v1::EventInput greeting;
  greeting.set_type("tour.greeting");
  greeting.set_source("client-tour");
  auto published = node.publish(greeting);
  if (!published) return failed("publish", published.error());
  std::unique_lock lock{mutex};
  if (!heard.wait_for(lock, std::chrono::seconds(5), [&] { return !event_type.empty(); })) {
    std::fprintf(stderr, "subscribe: no event within 5 s\n");
    return 1;
  }
  std::printf("heard event %s (%s)\n", published->id().c_str(), event_type.c_str());
  return 0;
}
