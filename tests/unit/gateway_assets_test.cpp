// The dashboard's files compiled into the binary: lookup, Content-Type, ETag matching.
#include <boost/test/unit_test.hpp>

#include "gateway/dashboard_assets.hpp"

namespace gw = auraos::gateway;

BOOST_AUTO_TEST_SUITE(gateway_assets)

BOOST_AUTO_TEST_CASE(the_dashboard_files_are_embedded_with_types_and_etags) {
  const auto* index = gw::find_dashboard_asset("index.html");
  BOOST_REQUIRE(index);
  BOOST_TEST(index->content.find("<html") != std::string_view::npos);
  BOOST_TEST(index->etag.front() == '"');
  BOOST_TEST(index->etag.back() == '"');
  BOOST_TEST(gw::find_dashboard_asset("app.js"));
  BOOST_TEST(!gw::find_dashboard_asset("nope.js"));
  BOOST_TEST(gw::asset_content_type("app.js") == "text/javascript; charset=utf-8");
  BOOST_TEST(gw::asset_content_type("a/b.css") == "text/css; charset=utf-8");
  BOOST_TEST(gw::asset_content_type("index.html") == "text/html; charset=utf-8");
  BOOST_TEST(gw::asset_content_type("x.svg") == "image/svg+xml");
  BOOST_TEST(gw::asset_content_type("README") == "application/octet-stream");
}

BOOST_AUTO_TEST_CASE(if_none_match_compares_lists_weakly_and_takes_a_star) {
  BOOST_TEST(gw::etag_matches("\"abc\"", "\"abc\""));
  BOOST_TEST(gw::etag_matches("W/\"abc\"", "\"abc\""));
  BOOST_TEST(gw::etag_matches("\"x\", \"abc\"", "\"abc\""));
  BOOST_TEST(gw::etag_matches("*", "\"abc\""));
  BOOST_TEST(!gw::etag_matches("\"abd\"", "\"abc\""));
  BOOST_TEST(!gw::etag_matches("", "\"abc\""));
  BOOST_TEST(!gw::etag_matches("abc", "\"abc\""));
}

BOOST_AUTO_TEST_SUITE_END()
