// Node types whose service does not exist yet (decision): refused when the definition is
// checked (`validate`, POST/PUT of a workflow), not when an execution starts. A `task` node
// beside them is accepted.

#include <fstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const char* const needs_later_services = R"({"id": "w", "name": "w", "nodes": [
  {"id": "start", "type": "noop"},
  {"id": "paid", "type": "task", "config": {"taskId": "charge"}},
  {"id": "pick", "type": "decision", "config": {"options": ["a", "b"]}},
  {"id": "vote", "type": "decision", "config": {"options": ["c", "d"]}}],
  "connections": [{"from": "start", "to": "paid"}, {"from": "paid", "to": "pick"}],
  "triggers": [{"event": {"type": "order.created"}}]})";

const std::string vote_unavailable =
    "nodes[3] (id \"vote\"): type: node type \"decision\" is not available in this version "
    "(it needs the decision engine)";
const std::string pick_unavailable =
    "nodes[2] (id \"pick\"): type: node type \"decision\" is not available in this version "
    "(it needs the decision engine)";

}  // namespace

BOOST_AUTO_TEST_SUITE(not_available)

BOOST_AUTO_TEST_CASE(validate_names_the_path_and_exits_2) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("w.json")} << needs_later_services;
  auto run =
      auraos::test::run_process({auraos::test::auraos_binary(), "validate", dir.file("w.json")});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err == dir.file("w.json") + ": " + pick_unavailable + "\n" + dir.file("w.json") +
                            ": " + vote_unavailable + "\n");
}

BOOST_AUTO_TEST_CASE(the_api_answers_422_invalid_definition_naming_the_path) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 10s));
  auto created = node.call("POST", "/api/v1/workflows", needs_later_services);
  BOOST_TEST(created.status == 422, created.body);
  BOOST_TEST(created.json["error"]["code"] == "invalid_definition");
  BOOST_TEST((created.json["error"]["details"] == json{pick_unavailable, vote_unavailable}),
             created.body);
  BOOST_TEST(node.call("GET", "/api/v1/workflows/w").status == 404);

  json runnable = {{"id", "w"}, {"name", "w"}, {"nodes", {{{"id", "a"}, {"type", "noop"}}}}};
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", runnable.dump()).status == 201);
  auto updated = node.call("PUT", "/api/v1/workflows/w", needs_later_services);
  BOOST_TEST(updated.status == 422, updated.body);
  BOOST_TEST(updated.json["error"]["code"] == "invalid_definition");
}

BOOST_AUTO_TEST_SUITE_END()
