// The permission matrix on a real node started with --auth: every route of the router (the
// node's own route table, streams included) and every actor-API operation refuses an anonymous
// caller (401), refuses a signed-in caller whose role lacks the route's permission (403), and
// accepts a caller whose custom role grants exactly that permission (any other status: the
// dummy ids and bodies may well be 400, 404 or 422). Public routes accept everyone.
#include <atomic>
#include <chrono>
#include <memory>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "client/client.hpp"
#include "gateway/protobuf_routes.hpp"
#include "gateway/route_permissions.hpp"
#include "gateway/test_fault_route.hpp"
#include "tests/support/api_router.hpp"
#include "tests/support/auth_node.hpp"
#include "tests/support/sse_client.hpp"

using namespace std::chrono_literals;
namespace gw = auraos::gateway;
namespace sec = auraos::runtime::security;
using json = nlohmann::json;

namespace {

/// The value put into every path parameter: no such resource exists.
constexpr const char* dummy = "matrix-x";

std::string fill(const std::string& pattern) {
  std::string out;
  for (std::size_t at = 0; at < pattern.size();) {
    auto open = pattern.find('{', at);
    if (open == std::string::npos) {
      out += pattern.substr(at);
      break;
    }
    out += pattern.substr(at, open - at) + dummy;
    at = pattern.find('}', open) + 1;
  }
  return out;
}

bool is_stream(const gw::route_pattern& route) {
  return route.pattern == "/api/v1/stream" || route.pattern == "/api/v1/events/stream";
}

/// A body that reaches the handler but changes nothing that later calls rely on.
std::string body_of(const gw::route_pattern& route) {
  if (route.method == "GET" || route.method == "DELETE") return "";
  if (route.pattern == "/api/v1/auth/revoke") return R"({"token":"matrix-x"})";
  return "{}";
}

/// The status of `route` called with `token` (empty: none).
int status_of(auraos::test::auth_node& node, const gw::route_pattern& route,
              const std::string& token) {
  std::map<std::string, std::string> headers;
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  if (is_stream(route)) {
    headers["Accept"] = "text/event-stream";
    auraos::test::sse_client stream(node.port, fill(route.pattern), headers);
    return stream.wait_status(10s);
  }
  return node.call(route.method, fill(route.pattern), body_of(route), token, headers).status;
}

/// Every route a node started with --test-faults serves, from its own router.
std::vector<gw::route_pattern> served_routes() {
  auraos::test::api_router api;
  gw::add_test_fault_route(*api.routes, api.node);
  return api.routes->routes();
}

/// Tokens of users whose custom role grants exactly one permission, by permission.
struct tokens {
  std::map<sec::permission, std::string> only;
  std::string viewer;
};

tokens sign_in_everyone(auraos::test::auth_node& node) {
  tokens out;
  for (auto each : sec::all_permissions()) {
    std::string name{sec::to_string(each)};
    for (auto& c : name)
      if (c == ':' || c == '*') c = '-';
    out.only[each] = node.token_with("only-" + name, {std::string{sec::to_string(each)}});
  }
  node.add_user("viewer-1", "viewer");
  out.viewer = node.sign_in("viewer-1", "user-password-1");
  return out;
}

/// A permission other than `needed` (and not one that implies it).
sec::permission other_than(sec::permission needed) {
  return needed == sec::permission::cluster_read ? sec::permission::event_publish
                                                 : sec::permission::cluster_read;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_matrix)

BOOST_AUTO_TEST_CASE(every_route_refuses_anonymous_and_lacking_callers_and_accepts_the_permission) {
  auraos::test::auth_node node({"--test-faults"});
  auto who = sign_in_everyone(node);
  auto routes = served_routes();
  BOOST_TEST_REQUIRE(routes.size() > 80u);
  int checked = 0;
  for (const auto& route : routes) {
    auto name = route.method + " " + route.pattern;
    auto needs = gw::required_permission(route.method, route.pattern);
    auto anonymous = status_of(node, route, "");
    if (needs.is_public()) {
      BOOST_TEST((anonymous != 401 && anonymous != 403), name << " refused anonymous: " << anonymous);
      continue;
    }
    BOOST_TEST(anonymous == 401, name << " anonymous: " << anonymous);
    if (needs.needs) {
      auto lacking = status_of(node, route, who.only.at(other_than(*needs.needs)));
      BOOST_TEST(lacking == 403, name << " without " << sec::to_string(*needs.needs) << ": "
                                      << lacking);
      auto with = status_of(node, route, who.only.at(*needs.needs));
      BOOST_TEST((with != 401 && with != 403),
                 name << " with " << sec::to_string(*needs.needs) << ": " << with);
    } else {
      auto signed_in = status_of(node, route, who.viewer);
      BOOST_TEST((signed_in != 401 && signed_in != 403), name << " signed in: " << signed_in);
    }
    ++checked;
  }
  BOOST_TEST(checked > 70);
  // Audit completeness: every mutating route left records of its refused and its allowed calls.
  std::map<std::string, std::set<std::string>> outcomes;  // action -> outcomes
  auraos::test::wait_until(
      [&] {
        outcomes.clear();
        auto lines = node.call("GET", "/api/v1/audit/export?format=jsonl", "", node.admin_token);
        std::istringstream in(lines.body);
        for (std::string line; std::getline(in, line);) {
          auto entry = json::parse(line);
          outcomes[entry["action"]].insert(entry["outcome"].get<std::string>());
        }
        for (const auto& route : routes) {
          auto entry = gw::required_permission(route.method, route.pattern);
          if (route.method == "GET" || entry.operation.empty()) continue;
          std::size_t needed = entry.is_public() ? 1 : 2;
          if (outcomes[entry.operation].size() < needed) return false;
        }
        return true;
      },
      10s);
  for (const auto& route : routes) {
    auto entry = gw::required_permission(route.method, route.pattern);
    if (route.method == "GET" || entry.operation.empty()) continue;
    const auto& seen = outcomes[entry.operation];
    if (!entry.is_public())
      BOOST_TEST(seen.count("refused") == 1u, entry.operation << " has no refused record");
    BOOST_TEST((seen.count("allowed") + seen.count("failed")) >= 1u,
               entry.operation << " has no record of the call that went through");
  }
}

BOOST_AUTO_TEST_CASE(a_bad_or_foreign_token_is_401_and_names_why) {
  auraos::test::auth_node node;
  for (const char* token : {"garbage", "aos_unknown", "a.b.c",
                            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0."}) {
    auto reply = node.call("GET", "/api/v1/workflows", "", token);
    BOOST_TEST(reply.status == 401, token);
    BOOST_TEST(reply.json["error"]["code"] == "unauthorized");
  }
  auto reply = node.call("GET", "/api/v1/workflows", "", "",
                         {{"Authorization", "Basic YWRtaW46YWRtaW4="}});
  BOOST_TEST(reply.status == 401);
  // A token from another node's keys is not valid here.
  auraos::test::auth_node other;
  BOOST_TEST(node.call("GET", "/api/v1/workflows", "", other.admin_token).status == 401);
  BOOST_TEST(node.call("GET", "/api/v1/workflows", "", node.admin_token).status == 200);
}

BOOST_AUTO_TEST_CASE(every_actor_api_operation_is_checked_like_its_route) {
  auraos::test::auth_node node({"--api-listen", "127.0.0.1:0"});
  auto api_port = static_cast<std::uint16_t>(std::stoi(
      node.process.wait_for_line(R"(actor message API on [^ ]*:(\d+))", 30s)[1].str()));
  auto who = sign_in_everyone(node);
  auraos::client::options options;
  options.port = api_port;
  auraos::client::client client{options};
  int checked = 0;
  for (const auto& entry : gw::route_permissions()) {
    if (entry.operation.empty() || !gw::find_protobuf_operation(entry.operation)) continue;
    auto call = [&](const std::string& token) {
      auraos::v1::ApiCall message;
      message.set_operation(entry.operation);
      for (std::size_t at = entry.route.pattern.find('{'); at != std::string::npos;
           at = entry.route.pattern.find('{', at + 1)) {
        auto close = entry.route.pattern.find('}', at);
        (*message.mutable_path())[entry.route.pattern.substr(at + 1, close - at - 1)] = dummy;
      }
      if (!token.empty()) (*message.mutable_headers())["Authorization"] = "Bearer " + token;
      auto reply = client.call(message, true);
      BOOST_TEST_REQUIRE(reply.has_value(), entry.operation);
      return reply->status();
    };
    if (entry.is_public()) continue;
    BOOST_TEST(call("") == 401, entry.operation);
    if (entry.needs) {
      BOOST_TEST(call(who.only.at(other_than(*entry.needs))) == 403, entry.operation);
      auto with = call(who.only.at(*entry.needs));
      BOOST_TEST((with != 401 && with != 403), entry.operation << ": " << with);
    }
    ++checked;
  }
  BOOST_TEST(checked > 50);
  // An event subscription needs event:read: refused without, running with it.
  auto ended_with = [&](const std::string& token) {
    auto status = std::make_shared<std::atomic<int>>(-1);
    auraos::v1::EventSubscription filter;
    filter.set_token(token);
    auto subscription = client.subscribe(
        filter, [](const auraos::v1::Event&) {},
        [status](const auraos::client::error& e) { *status = e.status; });
    BOOST_TEST_REQUIRE(subscription.has_value());
    auraos::test::wait_until([&] { return *status != -1; }, 3s);
    return status->load();
  };
  BOOST_TEST(ended_with("") == 401);
  BOOST_TEST(ended_with(who.only.at(sec::permission::cluster_read)) == 403);
  BOOST_TEST(ended_with(who.only.at(sec::permission::event_read)) == -1);
}

BOOST_AUTO_TEST_SUITE_END()
