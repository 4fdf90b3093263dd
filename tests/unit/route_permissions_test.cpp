// The permission table (gateway/route_permissions.hpp) against the real router and the OpenAPI
// document, and the authorization decision for the built-in roles, a custom role and an
// anonymous caller on every route.
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "gateway/openapi_document.hpp"
#include "gateway/route_permissions.hpp"
#include "gateway/test_fault_route.hpp"
#include "runtime/security/roles.hpp"
#include "tests/support/api_router.hpp"

namespace gw = auraos::gateway;
namespace sec = auraos::runtime::security;
using nlohmann::json;

namespace {

/// The routes of a node, built as `auraos serve --test-faults` builds them.
struct test_node_router : auraos::test::api_router {
  test_node_router() { gw::add_test_fault_route(*routes, node); }
};

std::string name_of(const gw::route_pattern& route) {
  return route.method + " " + route.pattern;
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

/// The lines of `a` that `b` lacks, one per line.
std::string lacking(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::string out;
  for (const auto& line : a)
    if (!b.count(line)) out += "  " + line + "\n";
  return out;
}

gw::principal signed_in(const std::string& role) {
  const auto* builtin = sec::find_builtin_role(role);
  BOOST_REQUIRE(builtin);
  return {true, role + "-user", role, builtin->permissions};
}

/// A change that needs a permission (signing in and one's own tokens need none).
bool mutating(const gw::route_permission& entry) {
  return entry.route.method != "GET" && entry.needs;
}

bool admin_only(const gw::route_permission& entry) {
  return entry.needs == sec::permission::admin;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(route_permissions)

BOOST_AUTO_TEST_CASE(every_served_route_has_an_entry_and_every_entry_is_served) {
  test_node_router api;
  std::set<std::string> served, listed;
  for (const auto& route : api.routes->routes()) served.insert(name_of(route));
  for (const auto& entry : gw::route_permissions())
    BOOST_TEST(listed.insert(name_of(entry.route)).second, name_of(entry.route) << " twice");
  BOOST_TEST_REQUIRE(served.size() > 60u);
  BOOST_TEST(lacking(served, listed).empty(),
             "served without a permission in gateway/route_permissions.cpp:\n"
                 << lacking(served, listed));
  BOOST_TEST(lacking(listed, served).empty(), "in gateway/route_permissions.cpp but not served:\n"
                                                  << lacking(listed, served));
}

BOOST_AUTO_TEST_CASE(every_operation_of_the_document_maps_to_its_route_and_a_need) {
  auto doc = json::parse(gw::openapi_document());
  std::size_t operations = 0;
  for (const auto& [path, item] : doc.at("paths").items())
    for (const auto& [method, operation] : item.items()) {
      if (!operation.is_object() || !operation.contains("operationId")) continue;
      auto id = operation.at("operationId").get<std::string>();
      const auto* entry = gw::operation_permission(id);
      BOOST_TEST_REQUIRE(entry, "operation " << id << " has no permission");
      auto documented = upper(method) + " " + path;
      BOOST_TEST(name_of(entry->route) == documented, id << " is documented at " << documented);
      ++operations;
    }
  BOOST_TEST(operations + 1 == gw::route_permissions().size());  // + the test-only route
  BOOST_TEST(!gw::operation_permission("noSuchOperation"));
  BOOST_TEST(!gw::operation_permission(""));
}

BOOST_AUTO_TEST_CASE(a_route_missing_from_the_table_needs_admin) {
  auto route = gw::required_permission("GET", "/api/v1/not-a-route");
  BOOST_TEST((route.needs == sec::permission::admin));
  BOOST_TEST(route.route.pattern == "/api/v1/not-a-route");
  BOOST_TEST(gw::authorize(signed_in("operator"), route).status == 403);
  BOOST_TEST(gw::authorize(signed_in("admin"), route).allowed());
}

BOOST_AUTO_TEST_CASE(a_viewer_reads_everything_not_admin_only_and_changes_nothing) {
  auto viewer = signed_in("viewer");
  for (const auto& entry : gw::route_permissions()) {
    auto decision = gw::authorize(viewer, entry);
    if (mutating(entry))
      BOOST_TEST(decision.status == 403, name_of(entry.route) << " is open to a viewer");
    else if (!admin_only(entry))
      BOOST_TEST(decision.allowed(), name_of(entry.route) << ": " << decision.message);
  }
}

BOOST_AUTO_TEST_CASE(an_operator_may_do_everything_but_the_admin_routes) {
  auto operator_ = signed_in("operator");
  auto admin = signed_in("admin");
  for (const auto& entry : gw::route_permissions()) {
    auto decision = gw::authorize(operator_, entry);
    BOOST_TEST(decision.allowed() == !admin_only(entry), name_of(entry.route));
    if (!decision.allowed()) BOOST_TEST(decision.status == 403);
    BOOST_TEST(gw::authorize(admin, entry).allowed(), name_of(entry.route));
  }
}

BOOST_AUTO_TEST_CASE(an_anonymous_caller_gets_401_on_every_route_but_the_public_ones) {
  gw::principal anonymous;
  // Even an unsigned caller's claimed permissions count for nothing.
  anonymous.permissions = {sec::permission::admin};
  std::set<std::string> open;
  for (const auto& entry : gw::route_permissions()) {
    auto decision = gw::authorize(anonymous, entry);
    BOOST_TEST(decision.status == (entry.is_public() ? 0 : 401), name_of(entry.route));
    if (entry.is_public()) open.insert(name_of(entry.route));
  }
  std::set<std::string> expected{"GET /healthz",      "GET /readyz",
                                 "GET /api/v1/openapi.json", "GET /",
                                 "GET /assets/{name}",       "POST /api/v1/auth/token"};
  BOOST_TEST(lacking(open, expected).empty(), "public but should not be:\n"
                                                  << lacking(open, expected));
}

BOOST_AUTO_TEST_CASE(a_role_with_only_event_publish_can_publish_and_nothing_else) {
  auto role = sec::make_custom_role("publisher", {sec::permission::event_publish});
  BOOST_TEST_REQUIRE(role.has_value());
  gw::principal caller{true, "sensor-7", role->name, role->permissions};
  std::set<std::string> allowed;
  for (const auto& entry : gw::route_permissions())
    if (entry.needs && gw::authorize(caller, entry).allowed()) allowed.insert(name_of(entry.route));
  BOOST_TEST((allowed == std::set<std::string>{"POST /api/v1/events"}));
}

BOOST_AUTO_TEST_CASE(refusals_name_the_permission_the_route_and_who_lacks_it) {
  auto create = gw::required_permission("POST", "/api/v1/workflows");
  auto refused = gw::authorize(signed_in("viewer"), create);
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(refused.message ==
             "this needs permission workflow:write (POST /api/v1/workflows); role viewer lacks it");
  auto anonymous = gw::authorize(gw::principal{}, create);
  BOOST_TEST(anonymous.status == 401);
  BOOST_TEST(anonymous.message ==
             "this needs a token with permission workflow:write (POST /api/v1/workflows); the "
             "request has no valid token");
  gw::principal token{true, "ci-bot", "", {sec::permission::workflow_read}};
  BOOST_TEST(gw::authorize(token, create).message ==
             "this needs permission workflow:write (POST /api/v1/workflows); user ci-bot lacks it");
}

BOOST_AUTO_TEST_CASE(own_token_routes_need_a_signed_in_caller_and_no_permission) {
  gw::principal nobody{true, "u-1", "empty", {}};
  std::set<std::string> signed_in_only;
  for (const auto& entry : gw::route_permissions()) {
    if (!entry.signed_in) continue;
    signed_in_only.insert(name_of(entry.route));
    BOOST_TEST(gw::authorize(nobody, entry).allowed(), name_of(entry.route));
    auto anonymous = gw::authorize(gw::principal{}, entry);
    BOOST_TEST(anonymous.status == 401, name_of(entry.route));
    BOOST_TEST(anonymous.message.find("signed-in caller") != std::string::npos);
  }
  std::set<std::string> expected{"POST /api/v1/auth/revoke", "GET /api/v1/auth/me",
                                 "POST /api/v1/auth/api-tokens", "GET /api/v1/auth/api-tokens",
                                 "DELETE /api/v1/auth/api-tokens/{id}"};
  BOOST_TEST((signed_in_only == expected));
}

BOOST_AUTO_TEST_CASE(task_star_covers_the_worker_routes_and_subscriptions_need_event_read) {
  gw::principal worker{true, "worker-1", "worker", {sec::permission::task_all}};
  for (const auto* id : {"claimTaskRuns", "heartbeatTaskRun", "completeTaskRun", "failTaskRun"}) {
    const auto* entry = gw::operation_permission(id);
    BOOST_TEST_REQUIRE(entry);
    BOOST_TEST(gw::authorize(worker, *entry).allowed(), id);
  }
  const auto* stream = gw::operation_permission("streamEvents");
  BOOST_TEST_REQUIRE(stream);
  BOOST_TEST((stream->needs == sec::permission::event_read));
}

BOOST_AUTO_TEST_SUITE_END()
