// Permissions and roles: names, parse errors, wildcards, admin, and the role rules.
#include <string>

#include <boost/test/unit_test.hpp>

#include "runtime/security/permissions.hpp"
#include "runtime/security/roles.hpp"

using namespace auraos::runtime::security;

namespace {

permission_set of_role(const std::string& name) {
  auto perms = role_permissions(name, {});
  BOOST_REQUIRE_MESSAGE(perms, "no built-in role " << name);
  return *perms;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(security_permissions_suite)

BOOST_AUTO_TEST_CASE(every_permission_parses_back_from_its_name) {
  BOOST_TEST(all_permissions().size() == 11u);
  for (auto p : all_permissions()) {
    auto parsed = parse_permission(to_string(p));
    BOOST_TEST_REQUIRE(parsed.has_value(), to_string(p));
    BOOST_TEST((*parsed == p));
  }
  BOOST_TEST(to_string(permission::task_all) == "task:*");
  BOOST_TEST(to_string(permission::execution_control) == "execution:control");
}

BOOST_AUTO_TEST_CASE(unknown_permissions_are_refused_with_the_known_names) {
  for (std::string text : {"", "workflow", "workflow:*", "Workflow:read", " admin", "task:", "*"}) {
    auto parsed = parse_permission(text);
    BOOST_TEST_REQUIRE(!parsed.has_value(), "'" << text << "' was accepted");
    BOOST_TEST(parsed.error().find("unknown permission '" + text + "'") == 0u, parsed.error());
    BOOST_TEST(parsed.error().find("workflow:read") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_permission_allows_itself_only) {
  permission_set granted{permission::workflow_read};
  BOOST_TEST(allows(granted, permission::workflow_read));
  BOOST_TEST(!allows(granted, permission::workflow_write));
  BOOST_TEST(!allows(granted, permission::admin));
  BOOST_TEST(!allows({}, permission::workflow_read));
}

BOOST_AUTO_TEST_CASE(task_wildcard_allows_every_task_permission_and_nothing_else) {
  permission_set granted{permission::task_all};
  BOOST_TEST(allows(granted, permission::task_read));
  BOOST_TEST(allows(granted, permission::task_write));
  BOOST_TEST(allows(granted, permission::task_all));
  BOOST_TEST(!allows(granted, permission::workflow_read));
  BOOST_TEST(!allows(granted, permission::admin));
  BOOST_TEST(!allows({permission::task_read, permission::task_write}, permission::task_all),
             "the wildcard itself is granted only explicitly");
}

BOOST_AUTO_TEST_CASE(admin_allows_everything) {
  for (auto p : all_permissions()) BOOST_TEST(allows({permission::admin}, p), to_string(p));
}

BOOST_AUTO_TEST_CASE(operator_has_everything_but_admin) {
  auto perms = of_role("operator");
  for (auto p : all_permissions())
    BOOST_TEST(allows(perms, p) == (p != permission::admin), to_string(p));
}

BOOST_AUTO_TEST_CASE(viewer_reads_and_cannot_write) {
  auto perms = of_role("viewer");
  for (auto p : {permission::workflow_read, permission::task_read, permission::event_read,
                 permission::cluster_read})
    BOOST_TEST(allows(perms, p), to_string(p));
  for (auto p :
       {permission::workflow_write, permission::execution_start, permission::execution_control,
        permission::task_write, permission::task_all, permission::event_publish, permission::admin})
    BOOST_TEST(!allows(perms, p), to_string(p));
}

BOOST_AUTO_TEST_CASE(builtin_roles_are_admin_operator_and_viewer) {
  BOOST_TEST(builtin_roles().size() == 3u);
  BOOST_TEST(find_builtin_role("admin") != nullptr);
  BOOST_TEST(find_builtin_role("Admin") == nullptr);
  BOOST_TEST(!role_permissions("nobody", {}).has_value());
}

BOOST_AUTO_TEST_CASE(custom_roles_are_found_after_the_builtin_ones) {
  auto deployer = make_custom_role("deployer_2", {permission::workflow_write});
  if (!deployer) BOOST_FAIL(deployer.error());
  std::vector<role> custom{*deployer};
  auto perms = role_permissions("deployer_2", custom);
  BOOST_TEST_REQUIRE(perms.has_value());
  BOOST_TEST(allows(*perms, permission::workflow_write));
  BOOST_TEST(!allows(*perms, permission::workflow_read));
  BOOST_TEST(!role_permissions("deployer", custom).has_value());
}

BOOST_AUTO_TEST_CASE(custom_role_names_follow_the_rules) {
  const permission_set some{permission::event_read};
  BOOST_TEST(make_custom_role("a", some).has_value());
  BOOST_TEST(make_custom_role(std::string(64, 'x'), some).has_value());
  BOOST_TEST(make_custom_role("ci-bot_7", some).has_value());
  struct refused {
    std::string name;
    std::string says;
  };
  for (const auto& [name, says] : std::vector<refused>{{"", "1 to 64 characters"},
                                                       {std::string(65, 'x'), "1 to 64"},
                                                       {"Ops", "may only hold"},
                                                       {"ops team", "may only hold"},
                                                       {"ops:read", "may only hold"},
                                                       {"viewer", "built-in"},
                                                       {"admin", "built-in"}}) {
    auto made = make_custom_role(name, some);
    BOOST_TEST_REQUIRE(!made.has_value(), "'" << name << "' was accepted");
    BOOST_TEST(made.error().find(says) != std::string::npos, made.error());
  }
  auto empty = make_custom_role("nothing", {});
  BOOST_TEST_REQUIRE(!empty.has_value());
  BOOST_TEST(empty.error() == "role 'nothing' grants no permission");
}

BOOST_AUTO_TEST_SUITE_END()
