// Tokens on a real node started with --auth: the loopback rule at start, sign-in, expiry,
// refresh (a refresh token works once), disabling a user, API tokens, revocation, a node without
// --auth, and the CLI's user add / login / whoami / logout.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/auth_node.hpp"
#include "tests/support/process.hpp"

using namespace std::chrono_literals;
using auraos::test::auth_node;
using json = nlohmann::json;

namespace {

std::string message_of(const auraos::test::api_reply& reply) {
  return reply.json["error"]["message"].get<std::string>();
}

auraos::test::api_reply sign_in(auth_node& node, const std::string& user, const std::string& pw) {
  return auraos::test::api_call(node.port, "POST", "/api/v1/auth/token",
                                json{{"username", user}, {"password", pw}}.dump());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_tokens)

BOOST_AUTO_TEST_CASE(a_node_beyond_loopback_needs_auth_or_insecure_http) {
  auraos::test::temp_dir data;
  auto refused = auraos::test::run_process(
      {auraos::test::auraos_binary(), "serve", "--http", "0.0.0.0:0", "--data-dir",
       data.path().string()},
      {.deadline = 20s});
  BOOST_TEST(refused.exit_code == 2);
  BOOST_TEST(refused.err.find("needs authentication") != std::string::npos, refused.err);
  auraos::test::serve_process insecure(
      {"--http", "0.0.0.0:0", "--data-dir", data.path().string(), "--insecure-http"});
  auto port = insecure.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
  auto health = auraos::test::api_call(port, "GET", "/healthz");
  BOOST_TEST(health.json["warnings"][0].get<std::string>().find("insecure-http") == 0u);
  BOOST_TEST(insecure.err().find("insecure-http") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sign_in_refuses_wrong_passwords_alike_and_tokens_expire) {
  auraos::test::temp_dir config_dir;
  auto config = (config_dir.path() / "c.json").string();
  std::ofstream{config} << R"({"accessTokenTtlSeconds": 2})";
  auth_node node({"--config", config});
  node.add_user("ann", "viewer");
  auto wrong = sign_in(node, "ann", "not-her-password");
  auto nobody = sign_in(node, "nobody", "whatever-password");
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(nobody.status == 401);
  BOOST_TEST(message_of(wrong) == message_of(nobody));
  BOOST_TEST(sign_in(node, "ann", "").status == 422);
  BOOST_TEST(auraos::test::api_call(node.port, "POST", "/api/v1/auth/token", "{").status == 400);

  auto good = sign_in(node, "ann", "user-password-1");
  BOOST_TEST_REQUIRE(good.status == 200, good.body);
  BOOST_TEST(good.json["expiresIn"] == 2);
  BOOST_TEST(good.json["user"]["role"] == "viewer");
  std::string token = good.json["accessToken"];
  BOOST_TEST(node.call("GET", "/api/v1/workflows", "", token).status == 200);
  auto me = node.call("GET", "/api/v1/auth/me", "", token);
  BOOST_TEST(me.json["username"] == "ann");
  BOOST_TEST(me.json["authEnabled"] == true);
  BOOST_TEST(node.call("POST", "/api/v1/workflows", "{}", token).status == 403);
  BOOST_TEST(auraos::test::wait_until(
      [&] { return node.call("GET", "/api/v1/workflows", "", token).status == 401; }, 10s));
  auto expired = node.call("GET", "/api/v1/workflows", "", token);
  BOOST_TEST(message_of(expired).find("expired") != std::string::npos, expired.body);

  // The refresh token gives a new pair once; presenting it again is refused.
  auto refresh = good.json["refreshToken"].get<std::string>();
  auto renewed = auraos::test::api_call(node.port, "POST", "/api/v1/auth/token",
                                        json{{"refreshToken", refresh}}.dump());
  BOOST_TEST_REQUIRE(renewed.status == 200, renewed.body);
  BOOST_TEST(renewed.json["refreshToken"] != refresh);
  BOOST_TEST(node.call("GET", "/api/v1/workflows", "", renewed.json["accessToken"]).status == 200);
  auto reused = auraos::test::api_call(node.port, "POST", "/api/v1/auth/token",
                                       json{{"refreshToken", refresh}}.dump());
  BOOST_TEST(reused.status == 401);
}

BOOST_AUTO_TEST_CASE(disabling_a_user_ends_their_tokens_and_api_tokens_are_shown_once) {
  auth_node node;
  auto id = node.add_user("bob", "operator");
  auto token = node.sign_in("bob", "user-password-1");
  auto made = node.call("POST", "/api/v1/auth/api-tokens", json{{"name", "ci"}}.dump(), token);
  BOOST_TEST_REQUIRE(made.status == 201, made.body);
  std::string api_token = made.json["token"];
  BOOST_TEST(api_token.rfind("aos_", 0) == 0u);
  BOOST_TEST(node.call("POST", "/api/v1/workflows", R"({"id":"x"})", api_token).status != 401);
  auto listed = node.call("GET", "/api/v1/auth/api-tokens", "", token);
  BOOST_TEST(listed.json["items"].size() == 1u);
  BOOST_TEST(!listed.json["items"][0].contains("token"));
  BOOST_TEST(listed.body.find(api_token) == std::string::npos);
  // Someone else's token id is not found for a non-admin.
  node.add_user("eve", "operator");
  auto eve = node.sign_in("eve", "user-password-1");
  BOOST_TEST(node.call("DELETE", "/api/v1/auth/api-tokens/" + made.json["id"].get<std::string>(),
                       "", eve)
                 .status == 404);

  auto disabled = node.call("PATCH", "/api/v1/users/" + id, R"({"disabled": true})", node.admin_token);
  BOOST_TEST_REQUIRE(disabled.status == 200, disabled.body);
  BOOST_TEST(disabled.json["disabled"] == true);
  BOOST_TEST(auraos::test::wait_until(
      [&] { return node.call("GET", "/api/v1/workflows", "", token).status == 401; }, 2s));
  BOOST_TEST(auraos::test::wait_until(
      [&] { return node.call("GET", "/api/v1/workflows", "", api_token).status == 401; }, 8s));
  BOOST_TEST(sign_in(node, "bob", "user-password-1").status == 401);
  // Bad input on the user routes is refused, naming the field.
  auto bad = node.call("POST", "/api/v1/users", R"({"username":"a b","password":"12345678","role":"viewer"})",
                       node.admin_token);
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(node.call("POST", "/api/v1/users", R"({"username":"z","password":"12345678","role":"nope"})",
                       node.admin_token)
                 .status == 404);
  BOOST_TEST(node.call("PUT", "/api/v1/roles/admin", R"({"permissions":["admin"]})", node.admin_token)
                 .status == 409);
  BOOST_TEST(node.call("PUT", "/api/v1/roles/r1", R"({"permissions":["workflow:fly"]})",
                       node.admin_token)
                 .status == 422);
}

BOOST_AUTO_TEST_CASE(the_audit_log_records_changes_and_refusals) {
  auth_node node;
  node.add_user("vic", "viewer");
  auto viewer = node.sign_in("vic", "user-password-1");
  BOOST_TEST(node.call("POST", "/api/v1/workflows", "{}", "").status == 401);
  BOOST_TEST(node.call("POST", "/api/v1/workflows", "{}", viewer).status == 403);
  BOOST_TEST(node.call("GET", "/api/v1/audit", "", viewer).status == 403);
  auto find = [&](const std::string& query) {
    return node.call("GET", "/api/v1/audit?" + query, "", node.admin_token);
  };
  BOOST_TEST(auraos::test::wait_until(
      [&] { return find("action=createWorkflow&outcome=refused").json["items"].size() >= 2; }, 5s));
  auto refused = find("action=createWorkflow&outcome=refused").json["items"];
  std::set<std::string> actors;
  for (const auto& each : refused) actors.insert(each["actor"]);
  BOOST_TEST(actors.count("anonymous") == 1u);
  BOOST_TEST(refused[0]["source"] == "127.0.0.1");
  auto created = find("action=createUser").json["items"];
  BOOST_TEST_REQUIRE(created.size() >= 1u);
  BOOST_TEST(created[0]["outcome"] == "allowed");
  BOOST_TEST(created[0]["actorName"] == "admin");
  BOOST_TEST(created[0]["target"].is_string());
  auto csv = node.call("GET", "/api/v1/audit/export?format=csv", "", node.admin_token);
  BOOST_TEST(csv.status == 200);
  BOOST_TEST(csv.body.rfind("seq,at,actor,actorName,tokenId,action,target,source,outcome,status\r\n", 0) == 0u);
  auto lines = node.call("GET", "/api/v1/audit/export?format=jsonl&outcome=refused", "", node.admin_token);
  BOOST_TEST(lines.status == 200);
  BOOST_TEST(std::count(lines.body.begin(), lines.body.end(), '\n') >= 3);
  auto report = node.call("GET", "/api/v1/audit/report", "", node.admin_token);
  BOOST_TEST(report.json["total"].get<int>() >= 4);
  BOOST_TEST(report.json["byOutcome"]["refused"].get<int>() >= 3);
  BOOST_TEST(find("from=yesterday").status == 400);
  BOOST_TEST(find("outcome=maybe").status == 400);
  BOOST_TEST(find("cursor=abc").status == 400);
}

BOOST_AUTO_TEST_CASE(executions_record_who_started_them_and_protobuf_calls_keep_their_target) {
  auth_node node;
  auto ops_id = node.add_user("opal", "operator");
  auto ops = node.sign_in("opal", "user-password-1");
  auto workflow = json{{"id", "who-started"},
                       {"name", "who started"},
                       {"nodes", {{{"id", "a"}, {"type", "noop"}}}},
                       {"connections", json::array()}};
  // Created with a Protobuf answer: the audit entry still names the workflow.
  auto created = node.call("POST", "/api/v1/workflows", workflow.dump(), ops,
                           {{"Accept", "application/x-protobuf"}});
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  auto started = node.call("POST", "/api/v1/workflows/who-started/executions", "{}", ops);
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto id = started.json["id"].get<std::string>();
  auto view = node.call("GET", "/api/v1/executions/" + id, "", ops);
  BOOST_TEST(view.json["createdBy"] == ops_id, view.body);
  auto listed = node.call("GET", "/api/v1/executions?workflowId=who-started", "", ops);
  BOOST_TEST_REQUIRE(listed.json["items"].size() == 1u, listed.body);
  BOOST_TEST(listed.json["items"][0]["createdBy"] == ops_id);
  auto find = [&](const std::string& query) {
    return node.call("GET", "/api/v1/audit?" + query, "", node.admin_token).json["items"];
  };
  BOOST_TEST(auraos::test::wait_until(
      [&] { return find("action=createWorkflow&outcome=allowed").size() == 1u; }, 5s));
  auto entry = find("action=createWorkflow&outcome=allowed")[0];
  BOOST_TEST(entry["target"] == "who-started", entry.dump());
  BOOST_TEST(entry["actor"] == ops_id, entry.dump());
}

BOOST_AUTO_TEST_CASE(without_auth_everything_is_allowed_and_tokens_are_not_issued) {
  auraos::test::temp_dir data;
  auraos::test::serve_process plain({"--http", "127.0.0.1:0", "--data-dir", data.path().string()});
  auto port = plain.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
  auto me = auraos::test::api_call(port, "GET", "/api/v1/auth/me");
  BOOST_TEST(me.json["authEnabled"] == false);
  BOOST_TEST(me.json["permissions"].size() > 5u);
  BOOST_TEST(auraos::test::api_call(port, "POST", "/api/v1/auth/token",
                                    R"({"username":"a","password":"b"})")
                 .status == 409);
}

BOOST_AUTO_TEST_CASE(the_cli_adds_a_user_to_the_store_and_signs_in) {
  auraos::test::temp_dir data;
  auraos::test::temp_dir home;
  auto bin = auraos::test::auraos_binary();
  auto added = auraos::test::run_process(
      {bin, "user", "add", "root", "--role", "admin", "--password-stdin", "--data-dir",
       data.path().string()},
      {.stdin_data = "root-password-1\n"});
  BOOST_TEST_REQUIRE(added.exit_code == 0, added.err);
  auraos::test::serve_process node({"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--auth"});
  auto port = node.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
  auto server = "http://127.0.0.1:" + std::to_string(port);
  std::map<std::string, std::string> env{
      {"AURAOS_CREDENTIALS", (home.path() / "credentials.json").string()}, {"AURAOS_TOKEN", ""}};
  auto cli = [&](std::vector<std::string> args, std::string input = "") {
    args.insert(args.begin(), bin);
    return auraos::test::run_process(args, {.stdin_data = input, .env = env});
  };
  auto refused = cli({"workflow", "list", "--server", server});
  BOOST_TEST(refused.exit_code == 1);
  BOOST_TEST(refused.err.find("token") != std::string::npos, refused.err);
  auto wrong = cli({"login", "--server", server, "--username", "root", "--password-stdin"}, "nope\n");
  BOOST_TEST(wrong.exit_code == 1);
  auto login = cli({"login", "--server", server, "--username", "root", "--password-stdin"},
                   "root-password-1\n");
  BOOST_TEST_REQUIRE(login.exit_code == 0, login.err);
  auto whoami = cli({"whoami", "--server", server, "--output", "json"});
  BOOST_TEST(whoami.exit_code == 0, whoami.err);
  BOOST_TEST(json::parse(whoami.out)["username"] == "root");
  BOOST_TEST(cli({"workflow", "list", "--server", server}).exit_code == 0);
  auto token = cli({"token", "create", "robot", "--server", server, "--output", "json"});
  BOOST_TEST_REQUIRE(token.exit_code == 0, token.err);
  auto api_token = json::parse(token.out)["token"].get<std::string>();
  BOOST_TEST(cli({"workflow", "list", "--server", server, "--token", api_token}).exit_code == 0);
  BOOST_TEST(cli({"logout", "--server", server}).exit_code == 0);
  BOOST_TEST(cli({"workflow", "list", "--server", server}).exit_code == 1);
}

BOOST_AUTO_TEST_SUITE_END()
