// The C++ client in a cluster of three real nodes: connected to one node's actor API, a call
// about an execution another node owns is answered by that owner, as REST answers it.
#include <boost/test/unit_test.hpp>

#include <google/protobuf/util/json_util.h>

#include "client/client.hpp"
#include "persistence/shards.hpp"
#include "tests/cluster/cluster_fixture.hpp"

namespace {

using namespace auraos::test;
using nlohmann::json;

/// The owner of every shard, by /api/v1/cluster/shards on `m`.
std::map<std::int64_t, std::string> owners(cluster_member& m) {
  std::map<std::int64_t, std::string> out;
  for (const auto& row : m.call("GET", "/api/v1/cluster/shards").json)
    out[row["shard"].get<std::int64_t>()] =
        row["owner"].is_string() ? row["owner"].get<std::string>() : "";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_client_call_about_an_execution_reaches_its_owner) {
  cluster_fixture c;
  auto api_port = unused_port();
  BOOST_REQUIRE(api_port.has_value());
  auto& n1 = c.start("n1", {"--api-listen", "127.0.0.1:" + std::to_string(*api_port)});
  auto& n2 = c.start("n2");
  auto& n3 = c.start("n3");
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2", "n3"}));
  BOOST_REQUIRE(c.wait_spread(n3, {"n1", "n2", "n3"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 0.2)).status, 201);

  auraos::client::options options;
  options.port = *api_port;
  auraos::client::client client{options};
  std::vector<std::string> ids;
  for (auto* m : {&n1, &n2, &n3})
    for (int i = 0; i < 3; ++i) {
      auto reply = m->call("POST", "/api/v1/workflows/w/executions",
                           json{{"input", {{"seconds", 0.2}}}}.dump());
      BOOST_REQUIRE_MESSAGE(reply.status == 202, reply.body);
      ids.push_back(reply.json["id"]);
    }
  auraos::v1::StartExecutionRequest start;
  BOOST_REQUIRE(google::protobuf::util::JsonStringToMessage(R"({"input": {"seconds": 0.2}})", &start).ok());
  auto through_client = client.execute("w", start);
  BOOST_REQUIRE_MESSAGE(through_client.has_value(),
                        (through_client ? "" : through_client.error().message));
  ids.push_back(through_client->value.id());
  auto shard_owners = owners(n1);
  std::set<std::string> answering;
  for (const auto& id : ids) {
    auto read = client.get_execution(id);
    BOOST_REQUIRE_MESSAGE(read.has_value(), (read ? "" : read.error().message));
    BOOST_TEST(read->value.id() == id);
    BOOST_TEST(read->node == shard_owners[auraos::persistence::shard_of(id)],
               id << " is answered by the owner of its shard");
    answering.insert(read->node);
  }
  BOOST_TEST(answering.size() > 1u, "the ten executions are owned by more than one node");
  auto missing = client.get_execution("no-such-execution");
  BOOST_REQUIRE(!missing.has_value());
  BOOST_TEST(missing.error().status == 404);
  BOOST_TEST(n2.wait_status(ids.back(), "completed"));
}
