// Node settings: database URLs, listen addresses and the JSON config file.
#include <boost/test/unit_test.hpp>

#include "runtime/node_config.hpp"

using namespace auraos::runtime;

BOOST_AUTO_TEST_SUITE(node_config_suite)

BOOST_AUTO_TEST_CASE(sqlite_url_names_a_file) {
  auto db = parse_database_url("sqlite:/tmp/x.db");
  BOOST_REQUIRE(db);
  BOOST_TEST(db->backend == "sqlite");
  BOOST_TEST(db->target == "/tmp/x.db");
}

BOOST_AUTO_TEST_CASE(postgres_url_is_kept_whole) {
  auto db = parse_database_url("postgresql://u@127.0.0.1:5432/auraos");
  BOOST_REQUIRE(db);
  BOOST_TEST(db->backend == "postgresql");
  BOOST_TEST(db->target == "postgresql://u@127.0.0.1:5432/auraos");
}

BOOST_AUTO_TEST_CASE(unknown_database_scheme_is_refused_with_its_name) {
  auto db = parse_database_url("mysql://x");
  BOOST_REQUIRE(!db);
  BOOST_TEST(db.error().find("mysql://x") != std::string::npos);
  BOOST_TEST(!parse_database_url("sqlite:"));
}

BOOST_AUTO_TEST_CASE(listen_address_splits_host_and_port) {
  auto a = parse_listen_address("0.0.0.0:9000");
  BOOST_REQUIRE(a);
  BOOST_TEST(a->first == "0.0.0.0");
  BOOST_TEST(a->second == 9000);
  auto v6 = parse_listen_address("[::1]:80");
  BOOST_REQUIRE(v6);
  BOOST_TEST(v6->first == "::1");
}

BOOST_AUTO_TEST_CASE(bad_listen_addresses_are_refused) {
  BOOST_TEST(!parse_listen_address("localhost"));
  BOOST_TEST(!parse_listen_address("localhost:99999"));
  BOOST_TEST(!parse_listen_address("localhost:8o"));
  BOOST_TEST(!parse_listen_address(":80"));
}

BOOST_AUTO_TEST_CASE(config_file_overrides_defaults) {
  auto c = apply_config_file({}, R"({"dataDir":"/d","http":"127.0.0.1:1","maxRestarts":7})");
  BOOST_REQUIRE(c);
  BOOST_TEST(c->data_dir == "/d");
  BOOST_TEST(c->http_port == 1);
  BOOST_TEST(c->max_restarts == 7);
  BOOST_TEST(finalize(*c).database.target == "/d/auraos.db");
}

BOOST_AUTO_TEST_CASE(node_supervisor_allows_three_restarts_in_30_s_by_default) {
  node_config c;
  BOOST_TEST(c.max_restarts == 3);
  BOOST_TEST(c.restart_period.count() == 30000);
  auto set = apply_config_file({}, R"({"maxRestarts":1,"restartPeriodMs":5000})");
  BOOST_REQUIRE(set);
  BOOST_TEST(set->max_restarts == 1);
  BOOST_TEST(set->restart_period.count() == 5000);
}

BOOST_AUTO_TEST_CASE(event_subscribers_may_fall_10000_events_behind_by_default) {
  BOOST_TEST(node_config{}.subscriber_buffer_events == 10000u);
  auto set = apply_config_file({}, R"({"subscriberBufferEvents":50})");
  BOOST_REQUIRE(set);
  BOOST_TEST(set->subscriber_buffer_events == 50u);
  BOOST_TEST(!apply_config_file({}, R"({"subscriberBufferEvents":-1})"));
}

BOOST_AUTO_TEST_CASE(definitions_dir_defaults_into_the_data_dir_and_can_be_set) {
  node_config base;
  base.data_dir = "/d";
  BOOST_TEST(finalize(base).definitions_dir == "/d/definitions");
  auto c = apply_config_file(base, R"({"definitionsDir":"/defs"})");
  BOOST_REQUIRE(c);
  BOOST_TEST(finalize(*c).definitions_dir == "/defs");
}

BOOST_AUTO_TEST_CASE(config_file_errors_name_the_field) {
  auto unknown = apply_config_file({}, R"({"dataDri":"/d"})");
  BOOST_REQUIRE(!unknown);
  BOOST_TEST(unknown.error() == "config: unknown field 'dataDri'");
  auto wrong = apply_config_file({}, R"({"dataDir":5})");
  BOOST_REQUIRE(!wrong);
  BOOST_TEST(wrong.error() == "config: dataDir: has the wrong type (number)");
  auto negative = apply_config_file({}, R"({"maxRestarts":-1})");
  BOOST_REQUIRE(!negative);
  BOOST_TEST(negative.error() == "config: maxRestarts: must be a non-negative integer");
  auto syntax = apply_config_file({}, "{\n  \"dataDir\": }");
  BOOST_REQUIRE(!syntax);
  BOOST_TEST(syntax.error().find("line 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(log_level_defaults_to_info_and_the_config_file_sets_it) {
  BOOST_TEST(node_config{}.log_level == "info");
  auto c = apply_config_file({}, R"({"logLevel":"debug"})");
  BOOST_REQUIRE(c);
  BOOST_TEST(c->log_level == "debug");
  auto bad = apply_config_file({}, R"({"logLevel":"loud"})");
  BOOST_REQUIRE(!bad);
  BOOST_TEST(bad.error() ==
             "config: logLevel: unknown log level 'loud' (levels: trace, debug, info, warn, "
             "error, off)");
}

BOOST_AUTO_TEST_SUITE_END()
