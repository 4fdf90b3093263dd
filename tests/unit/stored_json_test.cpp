// A stored row whose JSON columns are corrupt (never written by the runtime, e.g. edited by hand)
// reads as text with a response that can still be sent, never as an exception (a 500).

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "gateway/api_error.hpp"
#include "gateway/resource_json.hpp"

namespace gw = auraos::gateway;
namespace p = auraos::persistence;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(stored_json)

BOOST_AUTO_TEST_CASE(corrupt_workflow_definition_reads_as_its_text) {
  p::workflow_record record;
  record.id = "w";
  for (const auto& bad : std::vector<std::string>{"{\"nodes\": 1e999}", "{bad", "\"caf\xe9\"",
                                                  std::string(5000, '[')}) {
    record.definition = bad;
    auto body = gw::workflow_json(record);
    BOOST_TEST(body["definition"].is_string());
    auto response = gw::json_response(200, body);
    BOOST_TEST(json::parse(response.body)["id"] == "w");
  }
}

BOOST_AUTO_TEST_CASE(corrupt_execution_columns_read_as_their_text) {
  p::execution_record record;
  record.id = "e";
  record.input = "{\"a\": -1e999}";
  record.output = std::string("\xff\xfe");
  record.error = std::string("{\"type\": ");
  record.idempotency_key = std::string("k\xff");
  auto body = gw::execution_summary_json(record);
  BOOST_TEST(body["input"] == "{\"a\": -1e999}");
  BOOST_TEST(body["error"] == "{\"type\": ");
  auto response = gw::json_response(200, body);
  BOOST_TEST(json::parse(response.body)["id"] == "e");
}

BOOST_AUTO_TEST_SUITE_END()
