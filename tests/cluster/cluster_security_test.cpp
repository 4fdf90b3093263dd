// Authentication in a cluster of real nodes sharing one key file: a token signed in on one node
// is valid on the others (calls forwarded to an execution's owner included), and a revoked
// access token or API token is refused by every node within a second.
#include <boost/test/unit_test.hpp>

#include "runtime/crypto/node_keys.hpp"
#include "tests/cluster/cluster_fixture.hpp"

namespace {

using namespace auraos::test;
using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* password = "cluster-admin-1";

/// A key file every member is given.
std::string shared_key_file(const temp_dir& dir) {
  auto path = (dir.path() / "keys.json").string();
  auto problem = auraos::runtime::crypto::save_node_keys(path, auraos::runtime::crypto::generate_node_keys());
  BOOST_REQUIRE_MESSAGE(!problem, problem.value_or(""));
  return path;
}

api_reply call(cluster_member& m, const std::string& method, const std::string& target,
               const std::string& token, const std::string& body = "") {
  return m.call(method, target, body, {{"Authorization", "Bearer " + token}});
}

/// How long until `m` refuses `token` (401) on a read, or nullopt after 5 s.
std::optional<std::chrono::milliseconds> time_until_refused(cluster_member& m,
                                                            const std::string& token,
                                                            std::chrono::steady_clock::time_point since) {
  if (!wait_until([&] { return call(m, "GET", "/api/v1/workflows", token).status == 401; }, 5s))
    return std::nullopt;
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               since);
}

}  // namespace

BOOST_AUTO_TEST_CASE(tokens_work_on_every_node_and_revocations_reach_every_node_within_a_second) {
  cluster_fixture c;
  temp_dir keys_dir;
  auto key_file = shared_key_file(keys_dir);
  std::vector<std::string> auth{"--auth", "--key-file", key_file};
  auto& n1 = c.start("n1", auth, {{"AURAOS_ADMIN_PASSWORD", password}});
  auto& n2 = c.start("n2", auth);
  auraos::test::api_reply signed_in;
  BOOST_REQUIRE(wait_until(
      [&] {
        signed_in = n1.call("POST", "/api/v1/auth/token",
                            json{{"username", "admin"}, {"password", password}}.dump());
        return signed_in.status == 200;
      },
      20s));
  std::string token = signed_in.json["accessToken"];
  // Both members up as each sees it (the cluster view needs cluster:read, so a token).
  for (auto* m : {&n1, &n2})
    BOOST_REQUIRE(wait_until(
        [&] {
          auto view = call(*m, "GET", "/api/v1/cluster", token);
          if (view.status != 200) return false;
          int up = 0;
          for (const auto& node : view.json["nodes"]) up += node["status"] == "up";
          return up == 2;
        },
        30s));
  BOOST_TEST(n2.call("GET", "/api/v1/workflows").status == 401);
  BOOST_TEST(call(n2, "GET", "/api/v1/workflows", token).status == 200);

  // Executions are spread over both nodes: reading each through the other node is forwarded to
  // its owner with the caller, who is accepted there.
  BOOST_REQUIRE_EQUAL(call(n1, "POST", "/api/v1/workflows", token, delay_then_shell("w", 0.1)).status,
                      201);
  std::set<std::string> owners;
  for (int i = 0; i < 8; ++i) {
    auto started = call(i % 2 ? n1 : n2, "POST", "/api/v1/workflows/w/executions", token,
                        json{{"input", {{"seconds", 0.1}}}}.dump());
    BOOST_REQUIRE_MESSAGE(started.status == 202, started.body);
    for (auto* m : {&n1, &n2}) {
      // While shards move between the two new members a read may answer 503 "retry" (as
      // without --auth); never 401 or 403.
      auraos::test::api_reply read;
      BOOST_TEST(wait_until(
                     [&] {
                       read = call(*m, "GET",
                                   "/api/v1/executions/" + started.json["id"].get<std::string>(),
                                   token);
                       BOOST_TEST_REQUIRE(read.status != 401, read.body);
                       BOOST_TEST_REQUIRE(read.status != 403, read.body);
                       return read.status == 200;
                     },
                     10s),
                 read.body);
    }
  }

  // An API token made on n1 works on n2 until it is revoked on n1.
  auto made = call(n1, "POST", "/api/v1/auth/api-tokens", token, json{{"name", "ci"}}.dump());
  BOOST_REQUIRE_MESSAGE(made.status == 201, made.body);
  std::string api_token = made.json["token"];
  BOOST_TEST(call(n2, "GET", "/api/v1/workflows", api_token).status == 200);
  auto revoked_at = std::chrono::steady_clock::now();
  BOOST_REQUIRE_EQUAL(call(n1, "DELETE", "/api/v1/auth/api-tokens/" + made.json["id"].get<std::string>(),
                           token)
                          .status,
                      204);
  auto api_refused = time_until_refused(n2, api_token, revoked_at);
  BOOST_REQUIRE(api_refused.has_value());
  BOOST_TEST(api_refused->count() < 1000, "API token refused on n2 after " << api_refused->count() << " ms");

  // Signing out on n1 (revoking the access token itself) is honoured by n2 within a second.
  revoked_at = std::chrono::steady_clock::now();
  BOOST_REQUIRE_EQUAL(call(n1, "POST", "/api/v1/auth/revoke", token).status, 204);
  BOOST_TEST(call(n1, "GET", "/api/v1/workflows", token).status == 401);
  auto refused = time_until_refused(n2, token, revoked_at);
  BOOST_REQUIRE(refused.has_value());
  BOOST_TEST(refused->count() < 1000, "access token refused on n2 after " << refused->count() << " ms");
}
