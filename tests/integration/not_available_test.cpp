// Node types and triggers whose service does not exist yet: refused when the definition is
// checked (`validate`, POST/PUT of a workflow), not when an execution starts.

#include <fstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const char* const waits_for_an_event = R"({"id": "w", "name": "w", "nodes": [
  {"id": "start", "type": "noop"},
  {"id": "paid", "type": "wait_event", "config": {"type": "payment.received"}}],
  "connections": [{"from": "start", "to": "paid"}],
  "triggers": [{"event": {"type": "order.created"}}]})";

const std::string paid_unavailable =
    "nodes[1] (id \"paid\"): type: node type \"wait_event\" is not available in this version "
    "(it needs the event service)";
const std::string triggers_unavailable =
    "triggers: not available in this version (triggers need the event service)";

}  // namespace

BOOST_AUTO_TEST_SUITE(not_available)

BOOST_AUTO_TEST_CASE(validate_names_the_path_and_exits_2) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("w.json")} << waits_for_an_event;
  auto run =
      auraos::test::run_process({auraos::test::auraos_binary(), "validate", dir.file("w.json")});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err == dir.file("w.json") + ": " + paid_unavailable + "\n" + dir.file("w.json") +
                            ": " + triggers_unavailable + "\n");
}

BOOST_AUTO_TEST_CASE(the_api_answers_422_invalid_definition_naming_the_path) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 10s));
  auto created = node.call("POST", "/api/v1/workflows", waits_for_an_event);
  BOOST_TEST(created.status == 422, created.body);
  BOOST_TEST(created.json["error"]["code"] == "invalid_definition");
  BOOST_TEST((created.json["error"]["details"] == json{paid_unavailable, triggers_unavailable}),
             created.body);
  BOOST_TEST(node.call("GET", "/api/v1/workflows/w").status == 404);

  json runnable = {{"id", "w"}, {"name", "w"}, {"nodes", {{{"id", "a"}, {"type", "noop"}}}}};
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", runnable.dump()).status == 201);
  auto updated = node.call("PUT", "/api/v1/workflows/w", waits_for_an_event);
  BOOST_TEST(updated.status == 422, updated.body);
  BOOST_TEST(updated.json["error"]["code"] == "invalid_definition");
}

BOOST_AUTO_TEST_SUITE_END()
