// The REST conventions over a running server: routing, error envelopes, JSON bodies, paging.

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "gateway/api_error.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/event_body.hpp"
#include "gateway/event_params.hpp"
#include "gateway/http_server.hpp"
#include "gateway/json_body.hpp"
#include "gateway/pagination.hpp"
#include "gateway/router.hpp"
#include "tests/support/http_client.hpp"

namespace gw = auraos::gateway;
using auraos::test::http_fetch;
using auraos::test::http_reply;
using nlohmann::json;

namespace {

/// A server routing a few API-shaped paths.
struct api_server {
  api_server() {
    routes.add(
        "GET", "/api/v1/workflows/{id}/executions",
        [](const gw::http_request& request, const gw::path_params& params, gw::responder respond) {
          json query = request.query;
          respond(gw::json_response(200, {{"id", params.at("id")}, {"query", query}}));
        });
    routes.add("DELETE", "/api/v1/workflows/{id}", answer_204);
    routes.add("GET", "/api/v1/workflows/{id}", answer_204);
    routes.add("POST", "/api/v1/echo", echo_json);
    auto bound = server.start();
    BOOST_REQUIRE(bound.has_value());
  }

  static void answer_204(const gw::http_request&, const gw::path_params&, gw::responder respond) {
    gw::http_response response;
    response.status = 204;
    respond(response);
  }

  static void echo_json(const gw::http_request& request, const gw::path_params&,
                        gw::responder respond) {
    auto body = gw::parse_json_body(request.body);
    respond(body ? gw::json_response(200, *body) : gw::error_response(body.error()));
  }

  http_reply call(std::string method, std::string target, std::string body = "") {
    return http_fetch("127.0.0.1", server.port(), {std::move(method), std::move(target), body, {}});
  }

  gw::router routes;
  gw::http_server server{gw::server_options{}, routes.handler()};
};

std::string nested_arrays(int depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

gw::http_request with_query(std::map<std::string, std::string> query) {
  gw::http_request request;
  request.query = std::move(query);
  return request;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_api)

BOOST_AUTO_TEST_CASE(route_parameters_and_query_are_decoded) {
  api_server api;
  auto reply = api.call("GET", "/api/v1/workflows/wf%2F1%20x/executions?name=a%20b&tag=x+y");
  BOOST_TEST(reply.status == 200);
  auto body = json::parse(reply.body);
  BOOST_TEST(body["id"] == "wf/1 x");
  BOOST_TEST(body["query"]["name"] == "a b");
  BOOST_TEST(body["query"]["tag"] == "x y");
}

BOOST_AUTO_TEST_CASE(unknown_path_answers_404_in_the_envelope) {
  api_server api;
  auto reply = api.call("GET", "/api/v1/nothing/here");
  BOOST_TEST(reply.status == 404);
  auto error = json::parse(reply.body)["error"];
  BOOST_TEST(error["code"] == "not_found");
  BOOST_TEST(error["message"].get<std::string>().find("/api/v1/nothing/here") != std::string::npos);
  BOOST_TEST(error["details"] == json::array());
}

BOOST_AUTO_TEST_CASE(known_path_with_wrong_method_answers_405_with_allow) {
  api_server api;
  auto reply = api.call("POST", "/api/v1/workflows/w1");
  BOOST_TEST(reply.status == 405);
  BOOST_TEST(reply.headers["allow"] == "DELETE, GET, HEAD");
  BOOST_TEST(json::parse(reply.body)["error"]["code"] == "method_not_allowed");
  BOOST_TEST(api.call("DELETE", "/api/v1/workflows/w1").status == 204);
}

BOOST_AUTO_TEST_CASE(malformed_percent_encoding_in_path_answers_400) {
  api_server api;
  auto reply = api.call("GET", "/api/v1/workflows/%zz");
  BOOST_TEST(reply.status == 400);
  BOOST_TEST(json::parse(reply.body)["error"]["code"] == "bad_request");
}

BOOST_AUTO_TEST_CASE(malformed_json_answers_400_with_line_and_column) {
  api_server api;
  auto reply = api.call("POST", "/api/v1/echo", "{\n  \"a\": 1,\n  \"b\": }");
  BOOST_TEST(reply.status == 400);
  auto error = json::parse(reply.body)["error"];
  BOOST_TEST(error["code"] == "bad_request");
  auto message = error["message"].get<std::string>();
  BOOST_TEST(message.find("line 3, column 8") != std::string::npos, message);
  BOOST_TEST(error["details"][0]["line"] == 3);
  BOOST_TEST(error["details"][0]["column"] == 8);
}

BOOST_AUTO_TEST_CASE(json_deeper_than_the_limit_answers_400_naming_the_limit) {
  api_server api;
  auto deep = api.call("POST", "/api/v1/echo", nested_arrays(65));
  BOOST_TEST(deep.status == 400);
  BOOST_TEST(json::parse(deep.body)["error"]["message"].get<std::string>().find("64") !=
             std::string::npos);
  BOOST_TEST(api.call("POST", "/api/v1/echo", nested_arrays(64)).status == 200);
}

BOOST_AUTO_TEST_CASE(each_error_code_has_its_status) {
  BOOST_TEST(gw::http_status(auraos::errc::invalid) == 400);
  BOOST_TEST(gw::http_status(auraos::errc::conflict) == 409);
  BOOST_TEST(gw::http_status(auraos::errc::payload_too_large) == 413);
  BOOST_TEST(gw::http_status(auraos::errc::uri_too_long) == 414);
  BOOST_TEST(gw::http_status(auraos::errc::too_many_requests) == 429);
  BOOST_TEST(gw::code_name(auraos::errc::too_many_requests) == "too_many_requests");
  BOOST_TEST(gw::http_status(auraos::errc::invalid_definition) == 422);
  BOOST_TEST(gw::http_status(auraos::errc::invalid_input) == 422);
  BOOST_TEST(gw::http_status(auraos::errc::unavailable) == 503);
  BOOST_TEST(gw::http_status(auraos::errc::fenced) == 503);
  BOOST_TEST(gw::code_name(auraos::errc::fenced) == "unavailable");
  auto error = gw::make_error(auraos::errc::invalid_input, "input.x must be a number");
  error.details = std::make_shared<const json>(json::array({{{"path", "input.x"}}}));
  auto response = gw::error_response(error);
  BOOST_TEST(response.status == 422);
  BOOST_TEST(json::parse(response.body) == json({{"error",
                                                  {{"code", "invalid_input"},
                                                   {"message", "input.x must be a number"},
                                                   {"details", {{{"path", "input.x"}}}}}}}));
}

BOOST_AUTO_TEST_CASE(limit_defaults_to_50_and_accepts_1_to_1000) {
  BOOST_TEST(gw::parse_page_request(with_query({}))->limit == 50);
  BOOST_TEST(gw::parse_page_request(with_query({{"limit", "1"}}))->limit == 1);
  BOOST_TEST(gw::parse_page_request(with_query({{"limit", "1000"}}))->limit == 1000);
  for (const char* bad : {"0", "1001", "-3", "abc", "5x", ""}) {
    auto page = gw::parse_page_request(with_query({{"limit", bad}}));
    BOOST_REQUIRE(!page.has_value());
    BOOST_TEST(gw::code_name(page.error().code) == "bad_request");
    BOOST_TEST(page.error().message.find("'limit'") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(cursors_round_trip_and_garbage_is_rejected) {
  for (const std::string& position : std::vector<std::string>{
           "", "a", "ab", "abc", "exec-42|2024-01-01", std::string("\0\xff?", 3)}) {
    auto cursor = gw::encode_cursor(position);
    BOOST_TEST(cursor.find_first_of("+/=") == std::string::npos);
    BOOST_TEST(gw::decode_cursor(cursor).value() == position);
  }
  auto page = gw::parse_page_request(with_query({{"cursor", gw::encode_cursor("17:k9")}}));
  BOOST_TEST(page->position == "17:k9");
  // Cursors that decode, but not to a position the store made, are refused naming the cursor.
  for (const char* bad : {"abc", "_w", "MTc", "LTE6"}) {
    auto refused = gw::parse_page_request(with_query({{"cursor", bad}}));
    BOOST_REQUIRE(!refused.has_value());
    BOOST_TEST(refused.error().message.find(std::string("'") + bad + "'") != std::string::npos);
  }
  for (const char* bad : {"a", "ab!c", "ab+c", "YR"}) {
    BOOST_TEST(!gw::decode_cursor(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_CASE(page_answer_has_items_and_next_cursor) {
  auto last = json::parse(gw::page_response(json::array({1, 2}), std::nullopt).body);
  BOOST_TEST(last == json({{"items", {1, 2}}, {"nextCursor", nullptr}}));
  auto more = json::parse(gw::page_response(json::array(), "p7").body);
  BOOST_TEST(gw::decode_cursor(more["nextCursor"].get<std::string>()).value() == "p7");
}

BOOST_AUTO_TEST_CASE(header_map_ignores_case_and_joins_repeats) {
  gw::header_map headers;
  headers.add("Accept", "a/b");
  headers.add("ACCEPT", "c/d");
  BOOST_TEST(headers.get("accept").value() == "a/b, c/d");
  headers.set("accept", "x/y");
  BOOST_TEST(headers.get("Accept").value() == "x/y");
  BOOST_TEST(!headers.contains("missing"));
}

/// A GET of `target` as the server hands it to a handler.
gw::http_request get_request(const std::string& target) {
  gw::http_request request;
  request.method = "GET";
  request.target = target;
  auto mark = target.find('?');
  request.path = target.substr(0, mark);
  if (mark != std::string::npos) request.query = gw::parse_query(target.substr(mark + 1)).value();
  return request;
}

BOOST_AUTO_TEST_CASE(event_filters_read_repeated_types_times_and_where) {
  auto params = gw::parse_event_params(get_request(
      "/api/v1/events?type=a&type=b,c&source=s&from=2026-11-30T10:00:00Z&correlationId=k"
      "&where=event.data.n%20%3E%201"));
  BOOST_REQUIRE(params);
  BOOST_TEST(params->filter.types == (std::vector<std::string>{"a", "b", "c"}),
             boost::test_tools::per_element());
  BOOST_TEST(params->filter.source.value_or("") == "s");
  BOOST_TEST(params->filter.from_ms.value_or(0) == 1796032800000);
  BOOST_TEST(!params->filter.to_ms);
  BOOST_TEST(params->where == "event.data.n > 1");
  auto store = gw::store_filter(params->filter);
  BOOST_TEST(store.types.size() == 3u);
  BOOST_TEST(store.correlation_id.value_or("") == "k");
}

BOOST_AUTO_TEST_CASE(bad_event_filters_name_the_parameter) {
  for (std::string query : {"type=a%20b", "source=", "from=noon", "to=1", "where=(",
                            "correlationId=%01", "type=%ff"}) {
    auto params = gw::parse_event_params(get_request("/api/v1/events?" + query));
    BOOST_TEST_CONTEXT(query) {
      BOOST_REQUIRE(!params);
      BOOST_TEST(params.error().code == auraos::errc::invalid);
      auto name = query.substr(0, query.find('='));
      BOOST_TEST(params.error().message.find("'" + name + "'") != std::string::npos,
                 params.error().message);
    }
  }
}

BOOST_AUTO_TEST_CASE(published_bodies_are_read_by_their_media_type) {
  gw::http_request request;
  request.body = R"([{"type": "a", "source": "s"}, {"source": "s"}])";
  auto bad = gw::published_events(request);
  BOOST_REQUIRE(!bad);
  BOOST_TEST(gw::http_status(bad.error().code) == 422);
  BOOST_TEST((*bad.error().details)[0] == "[1].type: is required");
  request.body = R"({"specversion": "1.0", "type": "a", "source": "s", "id": "x"})";
  request.headers.set("Content-Type", "Application/CloudEvents+JSON; charset=utf-8");
  auto cloud = gw::published_events(request);
  BOOST_REQUIRE(cloud);
  BOOST_TEST(cloud->front().id == "x");
  request.headers.set("Content-Type", "application/json");
  BOOST_TEST(gw::http_status(gw::published_events(request).error().code) == 422);  // specversion
  request.body = "{";
  BOOST_TEST(gw::http_status(gw::published_events(request).error().code) == 400);
}

BOOST_AUTO_TEST_SUITE_END()
