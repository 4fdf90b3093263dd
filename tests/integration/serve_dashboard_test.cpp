// The dashboard served by a real node: GET / and /assets/NAME from the binary, with ETags.

#include <boost/test/unit_test.hpp>

#include "tests/support/serve_node.hpp"

using auraos::test::serve_node;

BOOST_AUTO_TEST_SUITE(serve_dashboard)

BOOST_AUTO_TEST_CASE(the_root_answers_the_index_page_revalidated_by_its_etag) {
  serve_node node;
  auto index = node.call("GET", "/");
  BOOST_TEST(index.status == 200);
  BOOST_TEST(index.headers["content-type"] == "text/html; charset=utf-8");
  BOOST_TEST(index.headers["cache-control"] == "no-cache");
  BOOST_TEST(index.body.find("/assets/app.js") != std::string::npos);
  auto etag = index.headers["etag"];
  BOOST_TEST_REQUIRE(!etag.empty());
  auto again = node.call("GET", "/", "", {{"If-None-Match", etag}});
  BOOST_TEST(again.status == 304);
  BOOST_TEST(again.body.empty());
  BOOST_TEST(again.headers["etag"] == etag);
  BOOST_TEST(node.call("GET", "/", "", {{"If-None-Match", "\"other\""}}).status == 200);
  auto head = node.call("HEAD", "/");
  BOOST_TEST(head.status == 200);
  BOOST_TEST(head.body.empty());
  BOOST_TEST(head.headers["content-length"] == std::to_string(index.body.size()));
}

BOOST_AUTO_TEST_CASE(assets_come_with_their_content_type_and_etag) {
  serve_node node;
  auto script = node.call("GET", "/assets/app.js");
  BOOST_TEST(script.status == 200);
  BOOST_TEST(script.headers["content-type"] == "text/javascript; charset=utf-8");
  BOOST_TEST(!script.body.empty());
  auto styles = node.call("GET", "/assets/app.css");
  BOOST_TEST(styles.status == 200);
  BOOST_TEST(styles.headers["content-type"] == "text/css; charset=utf-8");
  auto etag = script.headers["etag"];
  BOOST_TEST(etag != styles.headers["etag"]);
  BOOST_TEST(node.call("GET", "/assets/app.js", "", {{"If-None-Match", etag}}).status == 304);
  BOOST_TEST(node.call("HEAD", "/assets/app.js").status == 200);
}

BOOST_AUTO_TEST_CASE(unknown_assets_are_404_in_the_error_envelope) {
  serve_node node;
  for (const char* target : {"/assets/nope.js", "/assets/%2e%2e%2fCMakeLists.txt", "/assets/..",
                             "/assets/app.js/x", "/index.html"}) {
    auto reply = node.call("GET", target);
    BOOST_TEST_CONTEXT(target) {
      BOOST_TEST(reply.status == 404);
      BOOST_TEST(reply.json["error"]["code"].is_string());
    }
  }
  BOOST_TEST(node.call("POST", "/").status == 405);
}

BOOST_AUTO_TEST_SUITE_END()
