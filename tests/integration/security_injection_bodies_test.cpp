// The injection sweep (issue 15, item 8), second part: malformed and oversized bodies on every
// write route of the router; `file` references of subworkflow nodes that try to leave the
// definitions folder and a shell `cwd` that hides a NUL byte; and, on a node with --auth,
// hostile credentials, tokens and audit filters. Nothing answers 5xx, nothing crashes, nothing
// outside the definitions folder is read.
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "gateway/protobuf_routes.hpp"
#include "tests/support/api_router.hpp"
#include "tests/support/auth_node.hpp"
#include "tests/support/injection_sweep.hpp"
#include "tests/support/seeded_node.hpp"
#include "tests/support/sse_client.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using namespace auraos::test;
namespace fs = std::filesystem;

namespace {

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

/// Bodies that are not JSON, or not UTF-8, or nested past the limit: 400 on every write route.
const std::vector<std::pair<std::string, std::string>>& malformed_bodies() {
  static const std::vector<std::pair<std::string, std::string>> bodies{
      {"arrays nested 10,000 deep", std::string(10000, '[') + std::string(10000, ']')},
      {"objects nested 10,000 deep", repeat("{\"a\":", 10000) + "1" + std::string(10000, '}')},
      {"truncated in a string", R"({"id": "x", "name": "trunc)"},
      {"truncated after a comma", R"({"id": "x",)"},
      {"invalid UTF-8 in a string", "{\"id\": \"x\", \"name\": \"\xFF\xFE\"}"},
      {"overlong UTF-8 in a string", "{\"name\": \"\xC0\xAF\"}"},
      {"a lone surrogate", R"({"name": "\ud800"})"},
      {"NaN", R"({"name": NaN})"},
      {"a number out of range", R"({"name": 1e999})"},
      {"two documents", "{}{}"}};
  return bodies;
}

/// Well-formed bodies of the wrong shape: refused with a 4xx, never a 5xx.
const std::vector<std::string>& wrong_shapes() {
  static const std::vector<std::string> bodies{
      "[]", "\"text\"", "null", "42",
      R"({"id": 1, "name": [], "nodes": "x", "type": {}, "source": 5, "permissions": "x",
          "username": 5, "password": true, "role": [], "status": 7, "runs": {}, "leaseId": 3,
          "token": {}, "refreshToken": 1, "maxAgeSeconds": "x", "cron": 5, "output": [],
          "error": 1, "data": 1, "name2": null})"};
  return bodies;
}

/// A workflow whose one subworkflow node names `file` (input `file` when it is a template).
std::string parent_of(const std::string& id, const std::string& file) {
  return json{{"id", id},
              {"name", id},
              {"nodes", {{{"id", "call"}, {"type", "subworkflow"}, {"config", {{"file", file}}}}}},
              {"output", "${nodes.call.output}"}}
      .dump();
}

/// A workflow file whose output says where it was loaded from.
void write_definition(const fs::path& file, const std::string& id, const std::string& child = "") {
  json nodes = {{{"id", "out"}, {"type", "transform"}, {"config", {{"output", {{"from", id}}}}}}};
  if (!child.empty())
    nodes.push_back({{"id", "call"}, {"type", "subworkflow"}, {"config", {{"file", child}}}});
  std::ofstream{file}
      << json{{"id", id}, {"name", id}, {"nodes", nodes}, {"output", "${nodes.out.output}"}}.dump();
}

/// Stores `definition` under `id` (created, or replaced when it exists).
void put_workflow(seeded_node& node, const std::string& id, const std::string& definition) {
  auto reply = node.call("POST", "/api/v1/workflows", definition);
  if (reply.status == 409) reply = node.call("PUT", "/api/v1/workflows/" + id, definition);
  BOOST_TEST_REQUIRE((reply.status == 200 || reply.status == 201), reply.body);
}

/// Starts workflow `id` with `input`, waits until it ended; its last view.
json run(seeded_node& node, const std::string& id, const json& input = json::object()) {
  auto started =
      node.call("POST", "/api/v1/workflows/" + id + "/executions", json{{"input", input}}.dump());
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto execution = started.json["id"].get<std::string>();
  json view;
  BOOST_TEST(wait_until(
      [&] {
        view = node.call("GET", "/api/v1/executions/" + execution).json;
        return view["status"] == "completed" || view["status"] == "failed";
      },
      20s));
  return view;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_injection_bodies)

BOOST_AUTO_TEST_CASE(malformed_and_oversized_bodies_on_every_write_route_are_refused) {
  seeded_node node;
  auto before = node.snapshot();
  api_router api;
  const std::string over_limit = "{\"name\": \"" + std::string(1 << 20, 'x') + "\"}";
  const std::string one_megabyte = "{\"name\": \"" + std::string(1'000'000, 'x') + "\"}";
  int routes = 0;
  for (const auto& route : api.routes->routes()) {
    if (route.method != "POST" && route.method != "PUT" && route.method != "PATCH") continue;
    auto target = node.seeded_path(route.pattern);
    if (target.empty()) target = fill_path(route.pattern, "x");
    auto name = route.method + " " + route.pattern;
    for (const auto& [what, body] : malformed_bodies()) {
      auto reply = node.call(route.method, target, body);
      BOOST_TEST(reply.status == 400,
                 name << " " << what << ": " << reply.status << " " << reply.body.substr(0, 200));
    }
    // A route that takes no body ignores a well-formed one (and refuses a malformed one above).
    const auto* forms = auraos::gateway::find_protobuf_route({route.method, route.pattern});
    bool takes_body = !forms || !forms->request.empty();
    for (const auto& body : wrong_shapes()) {
      if (!takes_body) continue;
      // An empty batch is a valid batch of events: 201, nothing stored (rest-api.md).
      if (name == "POST /api/v1/events" && body == "[]") continue;
      auto reply = node.call(route.method, target, body);
      BOOST_TEST((reply.status >= 400 && reply.status < 500), name << " " << body.substr(0, 20)
                                                                   << ": " << reply.status << " "
                                                                   << reply.body.substr(0, 200));
    }
    BOOST_TEST(node.call(route.method, target, over_limit).status == 413, name);
    auto big = node.call(route.method, target, one_megabyte);
    BOOST_TEST(big.status < 500,
               name << " 1 MB string: " << big.status << " " << big.body.substr(0, 200));
    ++routes;
  }
  BOOST_TEST(routes >= 29);  // every POST, PUT and PATCH route of the router today
  BOOST_TEST(node.process.wait_exit(0ms) == -1);
  BOOST_TEST(node.call("GET", "/readyz").status == 200);
  auto after = node.snapshot();
  for (const char* kept : {"/api/v1/workflows/sentinel", "/api/v1/tasks/sentinel-task"})
    BOOST_TEST(after[kept] == before[kept], kept);
}

BOOST_AUTO_TEST_CASE(subworkflow_files_cannot_leave_the_definitions_dir) {
  seeded_node node;
  auto definitions = node.data.path() / "definitions", outside = node.data.path() / "outside";
  fs::create_directories(definitions);
  fs::create_directories(outside);
  write_definition(definitions / "child.json", "child");
  write_definition(outside / "escaped.json", "escaped");
  write_definition(definitions / "nested.json", "nested", "../outside/escaped.json");
  fs::create_symlink(outside / "escaped.json", definitions / "link.json");
  fs::create_directory_symlink(outside, definitions / "linkdir");
  // Inside the folder: runs.
  for (const char* inside : {"child.json", "sub/../child.json"}) {
    put_workflow(node, "inside", parent_of("inside", inside));
    auto done = run(node, "inside");
    BOOST_TEST(done["status"] == "completed", inside << ": " << done.dump());
    BOOST_TEST(done["output"]["from"] == "child", done.dump());
  }
  // Anything that leaves it: the node fails naming the folder; nothing outside is loaded.
  const std::vector<std::string> leaving{"../outside/escaped.json",
                                         (outside / "escaped.json").string(),
                                         "sub/../../outside/escaped.json",
                                         "link.json",
                                         "linkdir/escaped.json",
                                         "nested.json",
                                         "/etc/passwd",
                                         "../../../../../../../etc/passwd",
                                         "${input.file}"};
  for (const auto& file : leaving) {
    BOOST_TEST_CONTEXT(file) {
      put_workflow(node, "leaving", parent_of("leaving", file));
      auto done = run(node, "leaving", {{"file", "../outside/escaped.json"}});
      BOOST_TEST(done["status"] == "failed", done.dump());
      BOOST_TEST(done.dump().find("outside the definitions folder") != std::string::npos,
                 done.dump());
      BOOST_TEST(done.dump().find("root:") == std::string::npos);
    }
  }
  BOOST_TEST(node.call("GET", "/api/v1/workflows/escaped").status == 404);
}

BOOST_AUTO_TEST_CASE(shell_and_http_configs_fail_before_running_what_the_input_smuggled_in) {
  seeded_node node;
  auto marker = node.data.path() / "ran";
  auto nul = std::string(1, '\0');
  auto readyz = "http://127.0.0.1:" + std::to_string(node.port) + "/readyz";
  auto touch = json::array({"touch", marker.string()});
  struct smuggle {
    std::string type;
    json config;
    std::string input;
    std::string refusal;
  };
  const std::vector<smuggle> cases{{"shell",
                                    {{"command", touch}, {"cwd", "${input.v}"}},
                                    node.data.path().string() + nul + "/x",
                                    "config.cwd: contains a NUL byte"},
                                   {"shell",
                                    {{"command", {"sh", "-c", "touch \"$1\"", "sh", "${input.v}"}}},
                                    marker.string() + nul,
                                    "config.command: contains a NUL byte"},
                                   {"shell",
                                    {{"command", touch}, {"env", {{"X", "${input.v}"}}}},
                                    "a" + nul + "b",
                                    "config.env: a name or value contains a NUL byte"},
                                   {"shell",
                                    {{"command", touch}, {"cwd", "${input.v}"}},
                                    "../../../no-such-dir",
                                    "config.cwd: '../../../no-such-dir' is not a directory"},
                                   {"http",
                                    {{"url", readyz}, {"headers", {{"X-Token", "${input.v}"}}}},
                                    "a\r\nX-Injected: 1",
                                    "config.headers.X-Token: contains CR, LF or NUL"},
                                   {"http",
                                    {{"url", readyz + "${input.v}"}},
                                    " HTTP/1.1\r\nX-Injected: 1\r\n\r\nGET /x",
                                    "config.url: contains a space or a control character"}};
  for (const auto& each : cases) {
    auto workflow =
        json{{"id", "smuggle"},
             {"name", "smuggle"},
             {"nodes", {{{"id", "act"}, {"type", each.type}, {"config", each.config}}}}};
    put_workflow(node, "smuggle", workflow.dump());
    auto done = run(node, "smuggle", {{"v", each.input}});
    BOOST_TEST(done["status"] == "failed", each.refusal << ": " << done.dump());
    BOOST_TEST(done.dump().find(each.refusal) != std::string::npos, done.dump());
    BOOST_TEST(!fs::exists(marker), each.refusal);
  }
}

BOOST_AUTO_TEST_CASE(with_auth_hostile_credentials_tokens_and_audit_filters_are_refused) {
  auth_node node;
  auto bearer = [&](const std::string& token) {
    return std::map<std::string, std::string>{{"Authorization", "Bearer " + token}};
  };
  for (const auto& payload : injection_payloads()) {
    BOOST_TEST_CONTEXT(payload.label) {
      auto raw = json_string(payload.raw);
      for (const auto& body : {"{\"username\": " + raw + ", \"password\": " + raw + "}",
                               "{\"username\": \"admin\", \"password\": " + raw + "}",
                               "{\"refreshToken\": " + raw + "}"}) {
        auto status = api_call(node.port, "POST", "/api/v1/auth/token", body).status;
        BOOST_TEST((status == 401 || status == 400 || status == 422), body.substr(0, 60)
                                                                          << ": " << status);
      }
      bool printable = payload.raw.find_first_of(std::string("\0\xFF", 2)) == std::string::npos;
      if (printable)
        BOOST_TEST(
            api_call(node.port, "GET", "/api/v1/workflows", "", bearer(payload.raw)).status == 401);
      sse_client stream{node.port,
                        "/api/v1/events/stream?access_token=" + percent_encode(payload.raw)};
      // A token that is not UTF-8 or holds NUL is a bad query value (400) before it is checked.
      auto streamed = stream.wait_status(10s);
      BOOST_TEST((streamed == 401 || (!printable && streamed == 400)), streamed);
      for (const char* filter :
           {"actor", "action", "outcome", "target", "from", "to", "cursor", "limit"}) {
        auto reply = node.call(
            "GET", std::string("/api/v1/audit?") + filter + "=" + percent_encode(payload.raw), "",
            node.admin_token);
        BOOST_TEST((reply.status == 400 || (reply.status == 200 && reply.json["items"].empty())),
                   filter << ": " << reply.status << " " << reply.body.substr(0, 200));
      }
    }
  }
  // The refused calls were recorded, the admin still signs in, the node is ready.
  auto audit = node.call("GET", "/api/v1/audit?outcome=refused&limit=1000", "", node.admin_token);
  BOOST_TEST(audit.json["items"].size() > 14u, audit.body.substr(0, 200));
  BOOST_TEST(!node.sign_in("admin", admin_password).empty());
  BOOST_TEST(api_call(node.port, "GET", "/readyz").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
