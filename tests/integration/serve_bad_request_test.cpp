// Every route of a real node, swept with malformed ids, cursors, limits, query values, bodies and
// methods: no answer is a 5xx, and every 4xx carries the error envelope (issue 8, item 3).

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/serve_node.hpp"
#include "tests/support/sse_client.hpp"

using auraos::test::api_reply;
using auraos::test::example_text;
using auraos::test::serve_node;

namespace {

struct route {
  std::string method;
  std::string path;  ///< With "{id}" where the id goes (and "{n}" where a revision number goes).
};

/// Every route a node serves (gateway/*_routes.cpp and system routes; not the test-fault hook).
const std::vector<route>& all_routes() {
  static const std::vector<route> routes{
      {"POST", "/api/v1/workflows"},
      {"GET", "/api/v1/workflows"},
      {"GET", "/api/v1/workflows/{id}"},
      {"PUT", "/api/v1/workflows/{id}"},
      {"PATCH", "/api/v1/workflows/{id}"},
      {"GET", "/api/v1/workflows/{id}/revisions"},
      {"GET", "/api/v1/workflows/{id}/revisions/{n}"},
      {"DELETE", "/api/v1/workflows/{id}"},
      {"GET", "/api/v1/workflows/{id}/metrics"},
      {"POST", "/api/v1/workflows/{id}/executions"},
      {"GET", "/api/v1/executions"},
      {"GET", "/api/v1/executions/{id}"},
      {"POST", "/api/v1/executions/{id}/pause"},
      {"POST", "/api/v1/executions/{id}/resume"},
      {"POST", "/api/v1/executions/{id}/cancel"},
      {"GET", "/api/v1/executions/{id}/history"},
      {"GET", "/api/v1/executions/{id}/logs"},
      {"GET", "/api/v1/supervision"},
      {"GET", "/healthz"},
      {"GET", "/readyz"},
      {"GET", "/metrics"},
      {"GET", "/api/v1/executions/metrics"},
      {"GET", "/api/v1/stream"},
      {"GET", "/"},
      {"GET", "/assets/{id}"},
  };
  return routes;
}

/// `path` with `id` for "{id}" and `n` (revision 1 unless told) for "{n}".
std::string with_id(std::string path, const std::string& id, const std::string& n = "1") {
  if (auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, id);
  if (auto at = path.find("{n}"); at != std::string::npos) path.replace(at, 3, n);
  return path;
}

std::string nested(int depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

/// Checks one answer: never 5xx; a 4xx has {"error": {"code", "message", "details": [...]}}.
void check(const api_reply& reply, const std::string& what) {
  BOOST_TEST_CONTEXT(what << " -> " << reply.status << " " << reply.body.substr(0, 300)) {
    BOOST_TEST(reply.status < 500);
    if (reply.status < 400) return;
    const auto& error = reply.json["error"];
    BOOST_TEST(error.is_object());
    if (!error.is_object()) return;
    BOOST_TEST(error["code"].is_string());
    BOOST_TEST(error["message"].is_string());
    BOOST_TEST(!error["message"].get<std::string>().empty());
    BOOST_TEST(error["details"].is_array());
  }
}

/// A node with one stored workflow and one execution of it.
struct swept_node {
  serve_node node;
  std::string workflow_id;
  std::string execution_id;

  swept_node() {
    BOOST_REQUIRE(auraos::test::wait_ready(node.port, std::chrono::seconds(20)));
    auto created = node.call("POST", "/api/v1/workflows", example_text("diamond.json"));
    BOOST_REQUIRE_EQUAL(created.status, 201);
    workflow_id = created.json["id"];
    auto started = node.call("POST", "/api/v1/workflows/" + workflow_id + "/executions",
                             R"({"input": {"amount": 5}})");
    BOOST_REQUIRE_EQUAL(started.status, 202);
    execution_id = started.json["id"];
  }

  /// A real id for `path` (workflow or execution).
  std::string real_id(const std::string& path) const {
    return path.find("/executions/{id}") != std::string::npos ? execution_id : workflow_id;
  }

  void sweep(const std::string& method, const std::string& target, const std::string& body = "",
             std::map<std::string, std::string> headers = {}) {
    auto what = method + " " + target.substr(0, 120) + " body " + body.substr(0, 40);
    if (method == "GET" && target.rfind("/api/v1/stream", 0) == 0 && opens_a_stream(target, what))
      return;
    check(node.call(method, target, body, std::move(headers)), what);
  }

  /// True when `target` opened an event stream (then closed by the test); false when the node
  /// answered otherwise (the caller checks that answer).
  bool opens_a_stream(const std::string& target, const std::string& what) {
    auraos::test::sse_client stream{node.port, target};
    auto status = stream.wait_status();
    BOOST_TEST(status < 500, what << " -> " << status);
    if (status != 200) return false;
    BOOST_TEST(stream.headers()["content-type"] == "text/event-stream", what);
    return true;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_bad_request)

BOOST_AUTO_TEST_CASE(malformed_ids_on_every_route) {
  swept_node n;
  const std::vector<std::string> ids{
      "%ff", "%c3%28",    std::string(4000, 'a'), "..",    "%2e%2e", "%2F",
      "%00", "%E2%9C%93", "%F0%9F%98%80x",        "a%20b", "%zz",    "'%3B--"};
  for (const auto& r : all_routes()) {
    if (r.path.find("{id}") == std::string::npos) continue;
    for (const auto& id : ids) n.sweep(r.method, with_id(r.path, id));
    n.sweep(r.method, with_id(r.path, ""));  // empty id: no route matches
    if (r.path.find("{n}") == std::string::npos) continue;
    for (const auto& bad : ids) n.sweep(r.method, with_id(r.path, n.workflow_id, bad));
    for (const char* bad : {"0", "-1", "1.5", "1e3", "99", "99999999999999999999", ""})
      n.sweep(r.method, with_id(r.path, n.workflow_id, bad));
  }
  auto unknown = n.node.call("GET", "/api/v1/workflows/%E2%9C%93");
  BOOST_TEST(unknown.status == 404);
  auto not_utf8 = n.node.call("GET", "/api/v1/workflows/%ff");
  BOOST_TEST(not_utf8.status == 400);
}

BOOST_AUTO_TEST_CASE(malformed_cursors_limits_and_query_values_on_every_route) {
  swept_node n;
  const std::vector<std::string> queries{"cursor=abc",
                                         "cursor=_w",
                                         "cursor=" + std::string(3000, 'A'),
                                         "cursor=-1",
                                         "cursor=!!!!",
                                         "cursor=%ff%fe",
                                         "cursor=LTE6",
                                         "cursor=MTc",
                                         "cursor=",
                                         "limit=-1",
                                         "limit=0",
                                         "limit=1e9",
                                         "limit=abc",
                                         "limit=",
                                         "limit=99999999999999999999",
                                         "status=nope",
                                         "status=%ff",
                                         "workflowId=%ff",
                                         "name=%ff&tag=x",
                                         "unknown=1",
                                         "limit=1&limit=2",
                                         "%ff=1",
                                         "=",
                                         "&&&",
                                         "from=%ff",
                                         "to=",
                                         "interval=1e3",
                                         "interval=99999999999999999999",
                                         "from=9999-12-31T23:59:59Z",
                                         "startedAfter=",
                                         "startedBefore=%00",
                                         "startedAfter=1970-01-01T00:00:00Z",
                                         "order=%ff",
                                         "order=",
                                         "order=newest&order=oldest",
                                         "order=newest&cursor=MTc6eA",
                                         "order=%00",
                                         "order=" + std::string(3000, 'n'),
                                         "q=%ff",
                                         "q=%00",
                                         "q=" + std::string(3000, 'q'),
                                         "topics=",
                                         "topics=%2C",
                                         "execution=%00"};
  for (const auto& r : all_routes())
    for (const auto& query : queries)
      n.sweep(r.method, with_id(r.path, n.real_id(r.path)) + "?" + query);
  for (const char* query : {"?from=x", "?to=x", "?interval=x", "?interval=0", "?interval=-1",
                            "?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
                            "?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z"})
    BOOST_TEST(n.node.call("GET", std::string("/api/v1/executions/metrics") + query).status == 400,
               query);
  for (const char* query :
       {"?startedAfter=x", "?startedBefore=2026-13-01T00:00:00Z", "?order=", "?order=Newest",
        "?order=newest%00", "?order=%ff", "?order=newest&cursor=MTc6eA"})
    BOOST_TEST(n.node.call("GET", std::string("/api/v1/executions") + query).status == 400, query);
  for (const char* query : {"?topics=x", "?execution=x"})
    BOOST_TEST(n.node.call("GET", std::string("/api/v1/stream") + query).status == 400, query);
  for (const char* list : {"/api/v1/workflows", "/api/v1/executions"}) {
    for (const char* bad : {"?cursor=abc", "?cursor=_w", "?limit=0", "?limit=abc"}) {
      auto reply = n.node.call("GET", std::string(list) + bad);
      BOOST_TEST(reply.status == 400, list << bad << " -> " << reply.status);
    }
  }
}

BOOST_AUTO_TEST_CASE(malformed_bodies_on_every_route) {
  swept_node n;
  const std::vector<std::string> bodies{"{\"name\": \"caf\xe9\"}",
                                        "{\"input\": \"\xff\xfe\"}",
                                        R"({"name": "w", "nodes": [], "x": 1e999})",
                                        R"({"input": {"amount": 1e999}})",
                                        R"({"input": -1e999})",
                                        "{\"input\": " + nested(100000) + "}",
                                        nested(100000),
                                        "",
                                        "[]",
                                        "1",
                                        "\"text\"",
                                        "null",
                                        R"({"input": )",
                                        R"({"name": "w", "nodes": [{"id": "a", "type": "noop"}])",
                                        "\xEF\xBB\xBF{\"input\": {\"amount\": 1}}",
                                        R"({"name": 7, "nodes": {"a": 1}, "connections": "x"})",
                                        R"({"input": [1, 2, 3]})",
                                        R"({"input": {"amount": "not a number"}})",
                                        R"({"input": {"amount": 99999999999999999999999}})"};
  for (const auto& r : all_routes())
    for (const auto& body : bodies) n.sweep(r.method, with_id(r.path, n.real_id(r.path)), body);
  std::string huge = "{\"input\": \"" + std::string(20 << 20, 'x') + "\"}";
  auto too_large = n.node.call("POST", "/api/v1/workflows/" + n.workflow_id + "/executions", huge);
  check(too_large, "20 MB body");
  BOOST_TEST(too_large.status == 413);
  for (const char* key : {"\xff\xfe", "child:x"}) {
    n.sweep("POST", "/api/v1/workflows/" + n.workflow_id + "/executions", "{}",
            {{"Idempotency-Key", key}});
  }
  auto bad_number = n.node.call("POST", "/api/v1/workflows", R"({"name": "w", "x": 1e999})");
  BOOST_TEST(bad_number.status == 400);
  BOOST_TEST(bad_number.json["error"]["message"].get<std::string>().find("number out of range") !=
             std::string::npos);
  BOOST_TEST(n.node.call("POST", "/api/v1/workflows", "{\"name\": \"\xff\"}").status == 400);
}

BOOST_AUTO_TEST_CASE(wrong_methods_on_every_path) {
  swept_node n;
  for (const auto& r : all_routes())
    for (const char* method : {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
      n.sweep(method, with_id(r.path, n.real_id(r.path)));
  BOOST_TEST(n.node.call("GET", "/healthz").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
