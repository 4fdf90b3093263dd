// Workflow statuses and revisions through the REST API of a real node.

#include <regex>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_node.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct serve_node : auraos::test::serve_node {
  bool ready = auraos::test::wait_ready(port, 30s);

  /// Stores a one-node workflow `id` whose name is `name` (POST, or PUT when it exists).
  auraos::test::api_reply put(const std::string& id, const std::string& name,
                              const std::string& method = "POST") {
    json body{{"id", id}, {"name", name}, {"nodes", {{{"id", "a"}, {"type", "noop"}}}}};
    auto path = method == "POST" ? "/api/v1/workflows" : "/api/v1/workflows/" + id;
    return call(method, path, body.dump());
  }

  /// PATCHes the workflow's status.
  auraos::test::api_reply set_status(const std::string& id, const std::string& status) {
    return call("PATCH", "/api/v1/workflows/" + id, json{{"status", status}}.dump());
  }

  /// Starts an execution of the workflow with no input.
  auraos::test::api_reply start(const std::string& id) {
    return call("POST", "/api/v1/workflows/" + id + "/executions", "{}");
  }

  /// The ids of a workflow list.
  std::vector<std::string> list_ids(const std::string& query) {
    auto reply = call("GET", "/api/v1/workflows" + query);
    BOOST_TEST(reply.status == 200, reply.body);
    std::vector<std::string> ids;
    for (const auto& item : reply.json["items"]) ids.push_back(item["id"].get<std::string>());
    return ids;
  }
};

void check_error(const auraos::test::api_reply& reply, int status, const std::string& code,
                 const std::string& words) {
  BOOST_TEST(reply.status == status, reply.body);
  BOOST_TEST(reply.json["error"]["code"] == code, reply.body);
  BOOST_TEST(reply.json["error"]["message"].get<std::string>().find(words) != std::string::npos,
             reply.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_workflow_status)

BOOST_AUTO_TEST_CASE(a_new_workflow_is_a_draft_that_starts_and_patch_changes_its_status) {
  serve_node node;
  auto created = node.put("wf", "first");
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  BOOST_TEST(created.json["status"] == "draft");
  BOOST_TEST(node.start("wf").status == 202);  // a draft can be started explicitly
  auto active = node.set_status("wf", "active");
  BOOST_TEST_REQUIRE(active.status == 200, active.body);
  BOOST_TEST(active.json["status"] == "active");
  BOOST_TEST(active.json["revision"] == 1);
  BOOST_TEST(node.call("GET", "/api/v1/workflows/wf").json["status"] == "active");
  auto second = node.put("wf", "second", "PUT");
  BOOST_TEST(second.json["revision"] == 2);
  BOOST_TEST(second.json["status"] == "active");  // a new revision keeps the status
}

BOOST_AUTO_TEST_CASE(workflow_lists_filter_by_status) {
  serve_node node;
  for (auto id : {"a", "b", "c"}) BOOST_TEST_REQUIRE(node.put(id, id).status == 201);
  BOOST_TEST_REQUIRE(node.set_status("b", "active").status == 200);
  BOOST_TEST_REQUIRE(node.set_status("c", "archived").status == 200);
  BOOST_TEST(node.list_ids("?status=draft") == std::vector<std::string>{"a"});
  BOOST_TEST(node.list_ids("?status=active") == std::vector<std::string>{"b"});
  BOOST_TEST(node.list_ids("?status=archived&limit=5") == std::vector<std::string>{"c"});
  BOOST_TEST(node.list_ids("").size() == 3u);
  check_error(node.call("GET", "/api/v1/workflows?status=live"), 400, "bad_request", "'live'");
}

BOOST_AUTO_TEST_CASE(an_archived_workflow_refuses_new_executions_and_revisions) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.put("wf", "w").status == 201);
  BOOST_TEST_REQUIRE(node.set_status("wf", "archived").status == 200);
  check_error(node.start("wf"), 409, "conflict", "archived");
  check_error(node.put("wf", "w2", "PUT"), 409, "conflict", "archived");
  BOOST_TEST(node.call("GET", "/api/v1/workflows/wf").json["revision"] == 1);
  BOOST_TEST_REQUIRE(node.set_status("wf", "active").status == 200);
  BOOST_TEST(node.start("wf").status == 202);
}

BOOST_AUTO_TEST_CASE(a_bad_status_patch_is_refused_with_the_reason) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.put("wf", "w").status == 201);
  check_error(node.set_status("wf", "published"), 400, "bad_request", "'published'");
  check_error(node.call("PATCH", "/api/v1/workflows/wf", R"({"name": "x"})"), 400, "bad_request",
              "'name'");
  check_error(node.call("PATCH", "/api/v1/workflows/wf", R"({"status": 1})"), 400, "bad_request",
              "status");
  check_error(node.call("PATCH", "/api/v1/workflows/wf", "[]"), 400, "bad_request", "object");
  check_error(node.set_status("nope", "active"), 404, "not_found", "nope");
  BOOST_TEST(node.call("GET", "/api/v1/workflows/wf").json["status"] == "draft");
}

BOOST_AUTO_TEST_CASE(revisions_are_listed_a_page_at_a_time_and_read_by_number) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.put("wf", "rev1").status == 201);
  BOOST_TEST_REQUIRE(node.put("wf", "rev2", "PUT").status == 200);
  BOOST_TEST_REQUIRE(node.put("wf", "rev3", "PUT").status == 200);
  auto first = node.call("GET", "/api/v1/workflows/wf/revisions?limit=2");
  BOOST_TEST_REQUIRE(first.status == 200, first.body);
  BOOST_TEST_REQUIRE(first.json["items"].size() == 2u);
  BOOST_TEST(first.json["items"][0]["revision"] == 1);
  BOOST_TEST(first.json["items"][1]["revision"] == 2);
  BOOST_TEST(first.json["items"][1]["name"] == "rev2");
  static const std::regex rfc3339{R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"};
  BOOST_TEST(std::regex_match(first.json["items"][0]["createdAt"].get<std::string>(), rfc3339));
  BOOST_TEST_REQUIRE(first.json["nextCursor"].is_string());
  auto second = node.call("GET", "/api/v1/workflows/wf/revisions?limit=2&cursor=" +
                                     first.json["nextCursor"].get<std::string>());
  BOOST_TEST_REQUIRE(second.json["items"].size() == 1u, second.body);
  BOOST_TEST(second.json["items"][0]["revision"] == 3);
  BOOST_TEST(second.json["nextCursor"].is_null());

  auto two = node.call("GET", "/api/v1/workflows/wf/revisions/2");
  BOOST_TEST_REQUIRE(two.status == 200, two.body);
  BOOST_TEST(two.json["revision"] == 2);
  BOOST_TEST(two.json["name"] == "rev2");
  BOOST_TEST(two.json["definition"]["name"] == "rev2");
  BOOST_TEST(two.json["status"] == "draft");
  check_error(node.call("GET", "/api/v1/workflows/wf/revisions/9"), 404, "not_found", "9");
  check_error(node.call("GET", "/api/v1/workflows/wf/revisions/abc"), 400, "bad_request", "abc");
  check_error(node.call("GET", "/api/v1/workflows/wf/revisions/0"), 400, "bad_request", "'0'");
  check_error(node.call("GET", "/api/v1/workflows/nope/revisions"), 404, "not_found", "nope");
  check_error(node.call("GET", "/api/v1/workflows/wf/revisions?cursor=abc"), 400, "bad_request",
              "cursor");
}

BOOST_AUTO_TEST_CASE(revisions_stay_readable_after_a_delete) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.put("wf", "rev1").status == 201);
  BOOST_TEST_REQUIRE(node.call("DELETE", "/api/v1/workflows/wf").status == 204);
  BOOST_TEST(node.call("GET", "/api/v1/workflows/wf/revisions").json["items"].size() == 1u);
  BOOST_TEST(node.call("GET", "/api/v1/workflows/wf/revisions/1").json["name"] == "rev1");
}

BOOST_AUTO_TEST_SUITE_END()
