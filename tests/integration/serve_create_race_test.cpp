// Creating a workflow is decided inside the store's write: of many concurrent POSTs with one
// id, exactly one creates it (201) and every other is refused with today's 409.

#include <latch>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/serve_node.hpp"

using nlohmann::json;

namespace {

std::string workflow(const std::string& id, int n) {
  return json{{"id", id},
              {"name", "racer " + std::to_string(n)},
              {"nodes", {{{"id", "a"}, {"type", "noop"}}}}}
      .dump();
}

}  // namespace

BOOST_AUTO_TEST_CASE(concurrent_posts_of_one_id_create_it_exactly_once) {
  auraos::test::serve_node node;
  constexpr int rounds = 5;
  constexpr int racers = 16;
  for (int round = 0; round < rounds; ++round) {
    auto id = "race-" + std::to_string(round);
    std::vector<auraos::test::api_reply> replies(racers);
    std::latch go{racers};
    std::vector<std::thread> threads;
    for (int i = 0; i < racers; ++i)
      threads.emplace_back([&, i] {
        go.arrive_and_wait();
        replies[i] = node.call("POST", "/api/v1/workflows", workflow(id, i));
      });
    for (auto& t : threads) t.join();
    int created = 0;
    for (const auto& reply : replies) {
      if (reply.status == 201) {
        ++created;
        BOOST_TEST(reply.json["revision"] == 1, reply.body);
        continue;
      }
      BOOST_TEST(reply.status == 409, reply.body);
      BOOST_TEST(reply.json["error"]["code"] == "conflict", reply.body);
      BOOST_TEST(reply.json["error"]["message"] == "workflow '" + id +
                                                       "' exists; PUT /api/v1/workflows/" + id +
                                                       " stores a new revision",
                 reply.body);
    }
    BOOST_TEST(created == 1);
    auto stored = node.call("GET", "/api/v1/workflows/" + id);
    BOOST_TEST(stored.json["revision"] == 1, stored.body);
  }
}
