// The throwaway PostgreSQL server of the pg tests: starts, restarts on its port, cleans up.
#include <libpq-fe.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "tests/support/pg_server.hpp"

namespace {

bool accepts(const std::string& url) {
  return PQping(url.c_str()) == PQPING_OK;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pg_server)

BOOST_AUTO_TEST_CASE(server_accepts_connections_restarts_on_its_port_and_is_removed) {
  std::string url;
  {
    auto server = auraos::test::pg_server::launch();
    BOOST_REQUIRE_MESSAGE(server.has_value(), (server ? "" : server.error()));
    url = (*server)->url();
    BOOST_TEST(url.find("127.0.0.1:" + std::to_string((*server)->port()) + "/auraos") !=
               std::string::npos);
    BOOST_TEST(accepts(url));
    auto stopped = (*server)->stop();
    BOOST_REQUIRE_MESSAGE(stopped.has_value(), (stopped ? "" : stopped.error()));
    BOOST_TEST(!accepts(url));
    auto started = (*server)->start();
    BOOST_REQUIRE_MESSAGE(started.has_value(), (started ? "" : started.error()));
    BOOST_TEST(accepts(url));
  }
  BOOST_TEST(!accepts(url));
}

BOOST_AUTO_TEST_SUITE_END()
