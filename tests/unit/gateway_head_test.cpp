// HEAD wherever GET is served: the GET's status and header fields, no body.

#include <boost/test/unit_test.hpp>

#include "gateway/api_error.hpp"
#include "gateway/http_server.hpp"
#include "gateway/router.hpp"
#include "tests/support/http_client.hpp"

namespace gw = auraos::gateway;
using auraos::test::http_call;
using auraos::test::http_connection;

namespace {

/// A server with one GET route answering a text body and a custom header, and one POST route.
struct head_server {
  head_server() {
    routes.add("GET", "/things/{id}",
               [](const gw::http_request&, const gw::path_params& params, gw::responder respond) {
                 gw::http_response response;
                 response.body = "thing " + params.at("id");
                 response.content_type = "text/plain";
                 response.headers.set("X-Thing", params.at("id"));
                 respond(response);
               });
    routes.add("POST", "/things",
               [](const gw::http_request&, const gw::path_params&, gw::responder respond) {
                 gw::http_response response;
                 response.status = 201;
                 respond(response);
               });
    BOOST_REQUIRE(server.start().has_value());
  }
  gw::router routes;
  gw::http_server server{gw::server_options{}, routes.handler()};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_head)

BOOST_AUTO_TEST_CASE(head_answers_the_get_status_and_headers_without_a_body) {
  head_server api;
  http_connection connection{"127.0.0.1", api.server.port()};
  auto get = connection.request(http_call{"GET", "/things/7", "", {}});
  auto head = connection.request(http_call{"HEAD", "/things/7", "", {}});
  BOOST_TEST(get.status == 200);
  BOOST_TEST(head.status == 200);
  BOOST_TEST(head.body.empty());
  BOOST_TEST(head.headers["content-length"] == std::to_string(get.body.size()));
  BOOST_TEST(head.headers["content-type"] == "text/plain");
  BOOST_TEST(head.headers["x-thing"] == "7");
  // Nothing of a body was sent: the next answer on the connection reads cleanly.
  auto again = connection.request(http_call{"GET", "/things/8", "", {}});
  BOOST_TEST(again.body == "thing 8");
}

BOOST_AUTO_TEST_CASE(head_of_an_error_answer_keeps_its_status_and_drops_its_body) {
  head_server api;
  http_connection connection{"127.0.0.1", api.server.port()};
  auto missing = connection.request(http_call{"HEAD", "/nothing", "", {}});
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(missing.body.empty());
  BOOST_TEST(missing.headers["content-length"] != "0");
  auto post_only = connection.request(http_call{"HEAD", "/things", "", {}});
  BOOST_TEST(post_only.status == 405);
  BOOST_TEST(post_only.headers["allow"] == "POST");
  BOOST_TEST(connection.request(http_call{"GET", "/things/1", "", {}}).body == "thing 1");
}

BOOST_AUTO_TEST_CASE(allow_lists_head_beside_get) {
  head_server api;
  auto reply = auraos::test::http_fetch("127.0.0.1", api.server.port(),
                                        http_call{"DELETE", "/things/1", "", {}});
  BOOST_TEST(reply.status == 405);
  BOOST_TEST(reply.headers["allow"] == "GET, HEAD");
}

BOOST_AUTO_TEST_SUITE_END()
