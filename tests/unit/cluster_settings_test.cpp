// Cluster settings: defaults, config file keys, and the combinations a node refuses.
#include <functional>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "runtime/cluster/settings_check.hpp"
#include "runtime/node_config.hpp"

using namespace auraos::runtime;
using namespace auraos::runtime::cluster;

namespace {

/// A node on PostgreSQL listening for the cluster on loopback: accepted as it is.
node_config clustered_node() {
  node_config config;
  config.database = {"postgresql", "postgresql://127.0.0.1:5432/auraos"};
  config.cluster.listen = host_port{"127.0.0.1", 7101};
  return config;
}

void with_certificates(node_config& c) {
  c.cluster.cert_file = "node.pem";
  c.cluster.key_file = "node.key";
  c.cluster.ca_file = "ca.pem";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cluster_settings_suite)

BOOST_AUTO_TEST_CASE(defaults_are_a_single_node_with_the_spec_timings) {
  node_config c;
  BOOST_TEST(!clustered(c.cluster));
  BOOST_TEST(c.cluster.heartbeat.count() == 500);
  BOOST_TEST(c.cluster.lease.count() == 2000);
  BOOST_TEST(c.cluster.forward_timeout.count() == 5000);
  BOOST_TEST(!c.cluster.shards);
  BOOST_TEST(!check_cluster_settings(c));
}

BOOST_AUTO_TEST_CASE(config_file_accepts_a_cluster_object_dotted_keys_and_top_level_keys) {
  auto nested = apply_config_file({}, R"({"cluster": {"listen": "127.0.0.1:7101",
      "advertise": "[::1]:7102", "nodeName": "n1", "shards": 8, "heartbeatMs": 100,
      "leaseMs": 900, "forwardTimeoutMs": 700, "cert": "c", "key": "k", "ca": "a",
      "insecure": true}})");
  BOOST_REQUIRE(nested);
  const auto& s = nested->cluster;
  BOOST_TEST(to_string(*s.listen) == "127.0.0.1:7101");
  BOOST_TEST(to_string(*s.advertise) == "[::1]:7102");
  BOOST_TEST(s.node_name == "n1");
  BOOST_TEST(*s.shards == 8);
  BOOST_TEST(s.heartbeat.count() == 100);
  BOOST_TEST(s.lease.count() == 900);
  BOOST_TEST(s.forward_timeout.count() == 700);
  BOOST_TEST((s.cert_file == "c" && s.key_file == "k" && s.ca_file == "a" && s.insecure));
  auto top = apply_config_file({}, R"({"heartbeatMs": 200, "leaseMs": 1000,
      "forwardTimeoutMs": 300, "clusterListen": "127.0.0.1:1", "nodeName": "n2",
      "clusterCa": "ca.pem", "insecureCluster": true, "cluster.shards": 16})");
  BOOST_REQUIRE(top);
  BOOST_TEST(top->cluster.heartbeat.count() == 200);
  BOOST_TEST(top->cluster.lease.count() == 1000);
  BOOST_TEST(top->cluster.forward_timeout.count() == 300);
  BOOST_TEST(top->cluster.listen->port == 1);
  BOOST_TEST(top->cluster.node_name == "n2");
  BOOST_TEST(top->cluster.ca_file == "ca.pem");
  BOOST_TEST(top->cluster.insecure);
  BOOST_TEST(*top->cluster.shards == 16);
}

BOOST_AUTO_TEST_CASE(config_file_errors_name_the_cluster_key) {
  auto error_of = [](const std::string& text) {
    auto c = apply_config_file({}, text);
    BOOST_REQUIRE(!c);
    return c.error();
  };
  BOOST_TEST(error_of(R"({"cluster": {"leaseMs": "x"}})") ==
             "config: cluster.leaseMs: must be a non-negative integer");
  BOOST_TEST(error_of(R"({"cluster": {"nodeName": 5}})") ==
             "config: cluster.nodeName: has the wrong type (number)");
  BOOST_TEST(error_of(R"({"cluster": {"bogus": 1}})") == "config: unknown field 'cluster.bogus'");
  BOOST_TEST(error_of(R"({"cluster": 5})") == "config: cluster: must be a JSON object");
  BOOST_TEST(error_of(R"({"clusterListen": "nope"})") ==
             "config: clusterListen: 'nope' is not HOST:PORT");
  BOOST_TEST(error_of(R"({"cluster.shards": 1.5})") ==
             "config: cluster.shards: must be an integer");
  BOOST_TEST(error_of(R"({"heartbeatMs": -1})") ==
             "config: heartbeatMs: must be a non-negative integer");
}

BOOST_AUTO_TEST_CASE(accepted_combinations) {
  BOOST_TEST(!check_cluster_settings(clustered_node()), "loopback without certificates");
  auto localhost = clustered_node();
  localhost.cluster.listen = host_port{"localhost", 7101};
  BOOST_TEST(!check_cluster_settings(localhost));
  auto tls = clustered_node();
  tls.cluster.listen = host_port{"10.0.0.5", 7101};
  with_certificates(tls);
  BOOST_TEST(!check_cluster_settings(tls));
  auto insecure = clustered_node();
  insecure.cluster.listen = host_port{"0.0.0.0", 7101};
  insecure.cluster.advertise = host_port{"10.0.0.5", 7101};
  insecure.cluster.insecure = true;
  BOOST_TEST(!check_cluster_settings(insecure));
  node_config single;
  single.cluster.shards = 4096;
  BOOST_TEST(!check_cluster_settings(single), "--shards alone sizes a single node's store");
}

BOOST_AUTO_TEST_CASE(refused_combinations_name_the_flags) {
  const std::vector<std::pair<std::function<void(node_config&)>, std::string>> cases{
      {[](node_config& c) {
         c.database = {"sqlite", "/tmp/x.db"};
       },
       "--cluster-listen needs a PostgreSQL database (--db postgresql://...); sqlite is "
       "single-node"},
      {[](node_config& c) { c.cluster.listen->host = "10.0.0.5"; },
       "--cluster-listen 10.0.0.5:7101 is not loopback: give --cluster-cert, --cluster-key and "
       "--cluster-ca (or --insecure-cluster)"},
      {[](node_config& c) { c.cluster.cert_file = "node.pem"; },
       "--cluster-cert, --cluster-key and --cluster-ca go together; missing: --cluster-key, "
       "--cluster-ca"},
      {[](node_config& c) {
         with_certificates(c);
         c.cluster.insecure = true;
       },
       "--insecure-cluster contradicts --cluster-cert/--cluster-key/--cluster-ca"},
      {[](node_config& c) { c.cluster.lease = std::chrono::milliseconds(1000); },
       "leaseMs (1000) must be more than twice heartbeatMs (500)"},
      {[](node_config& c) { c.cluster.heartbeat = std::chrono::milliseconds(5); },
       "heartbeatMs: must be at least 10"},
      {[](node_config& c) { c.cluster.forward_timeout = std::chrono::milliseconds(0); },
       "forwardTimeoutMs: must be at least 1"},
      {[](node_config& c) { c.cluster.shards = 0; }, "--shards: 0 is out of range (1-4096)"},
      {[](node_config& c) { c.cluster.shards = 4097; }, "--shards: 4097 is out of range (1-4096)"},
      {[](node_config& c) { c.cluster.listen->port = 0; },
       "--cluster-listen: needs a fixed port (other nodes dial it), not 0"},
      {[](node_config& c) { c.cluster.listen->host = "0.0.0.0"; },
       "--cluster-listen 0.0.0.0:7101 is not an address other nodes can dial: give "
       "--cluster-advertise HOST:PORT"},
      {[](node_config& c) {
         c.cluster.advertise = host_port{"::", 7101};
       },
       "--cluster-advertise: [::]:7101 is not an address other nodes can dial"},
      {[](node_config& c) { c.cluster.node_name = "n 1"; },
       "--node-name: 'n 1' may hold only letters, digits and . _ - : (at most 100 characters)"},
      {[](node_config& c) { c.cluster.node_name = std::string(101, 'n'); }, "--node-name: 'nnn"},
      {[](node_config& c) {
         c.cluster.listen.reset();
         c.cluster.node_name = "n1";
       },
       "--node-name needs --cluster-listen HOST:PORT"},
      {[](node_config& c) {
         c.cluster.listen.reset();
         c.cluster.insecure = true;
       },
       "--insecure-cluster needs --cluster-listen HOST:PORT"},
  };
  for (const auto& [change, expected] : cases) {
    auto config = clustered_node();
    change(config);
    auto refused = check_cluster_settings(config);
    BOOST_TEST_CONTEXT("expected: " << expected) {
      BOOST_REQUIRE(refused);
      BOOST_TEST(refused->rfind(expected, 0) == 0, *refused);
      BOOST_TEST(refused->find('\n') == std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(defaults_name_the_node_after_the_host_and_advertise_the_listen_address) {
  auto filled = with_defaults(clustered_node().cluster, "box");
  BOOST_TEST(filled.node_name == "box:7101");
  BOOST_TEST(to_string(*filled.advertise) == "127.0.0.1:7101");
  auto given = clustered_node().cluster;
  given.node_name = "n1";
  given.advertise = host_port{"10.0.0.5", 9000};
  auto kept = with_defaults(given, "box");
  BOOST_TEST(kept.node_name == "n1");
  BOOST_TEST(to_string(*kept.advertise) == "10.0.0.5:9000");
  BOOST_TEST(with_defaults(node_config{}.cluster, "box").node_name.empty());
}

BOOST_AUTO_TEST_CASE(tls_is_used_only_with_all_three_files) {
  auto c = clustered_node();
  BOOST_TEST(!uses_tls(c.cluster));
  with_certificates(c);
  BOOST_TEST(uses_tls(c.cluster));
  BOOST_TEST(is_loopback("127.0.0.2"));
  BOOST_TEST(is_loopback("::1"));
  BOOST_TEST(!is_loopback("10.0.0.1"));
}

BOOST_AUTO_TEST_SUITE_END()
