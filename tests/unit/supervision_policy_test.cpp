// Pure supervision decisions: intensity window, backoff, strategies, tree JSON.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <random>

#include "runtime/supervision/backoff.hpp"
#include "runtime/supervision/intensity.hpp"
#include "runtime/supervision/policy.hpp"
#include "runtime/supervision/tree.hpp"

using namespace auraos::runtime::supervision;
using std::chrono::milliseconds;
using index_list = std::vector<std::size_t>;

namespace {

/// A clock the test moves by hand.
struct manual_clock {
  std::chrono::steady_clock::time_point now{};
  clock_source source() {
    return [this] { return now; };
  }
};

const std::vector<restart_type> three_permanent(3, restart_type::permanent);

}  // namespace

BOOST_AUTO_TEST_SUITE(supervision_policy)

BOOST_AUTO_TEST_CASE(intensity_allows_max_restarts_within_the_period_then_refuses) {
  manual_clock clock;
  restart_intensity intensity{{2, milliseconds{1000}}, clock.source()};
  BOOST_TEST(intensity.record_restart());
  clock.now += milliseconds{100};
  BOOST_TEST(intensity.record_restart());
  clock.now += milliseconds{100};
  BOOST_TEST(!intensity.record_restart());
}

BOOST_AUTO_TEST_CASE(intensity_forgets_restarts_older_than_the_period) {
  manual_clock clock;
  restart_intensity intensity{{1, milliseconds{1000}}, clock.source()};
  BOOST_TEST(intensity.record_restart());
  clock.now += milliseconds{999};
  BOOST_TEST(intensity.recent_restarts() == 1u);
  clock.now += milliseconds{1};
  BOOST_TEST(intensity.recent_restarts() == 0u);
  BOOST_TEST(intensity.record_restart());
}

BOOST_AUTO_TEST_CASE(intensity_defaults_follow_otp_one_restart_in_five_seconds) {
  intensity_limit limit;
  BOOST_TEST(limit.max_restarts == 1u);
  BOOST_TEST(limit.period.count() == 5000);
}

BOOST_AUTO_TEST_CASE(restart_backoff_ceiling_doubles_until_the_cap) {
  backoff_policy policy{milliseconds{100}, milliseconds{1000}};
  BOOST_TEST(backoff_ceiling(policy, 1).count() == 100);
  BOOST_TEST(backoff_ceiling(policy, 2).count() == 200);
  BOOST_TEST(backoff_ceiling(policy, 4).count() == 800);
  BOOST_TEST(backoff_ceiling(policy, 5).count() == 1000);
  BOOST_TEST(backoff_ceiling(policy, 1000000).count() == 1000);
}

BOOST_AUTO_TEST_CASE(restart_backoff_scales_the_ceiling_by_the_random_draw) {
  restart_backoff backoff{{milliseconds{100}, milliseconds{10000}}, [] { return 0.5; }};
  BOOST_TEST(backoff.delay(1).count() == 50);
  BOOST_TEST(backoff.delay(3).count() == 200);
  restart_backoff zero{{milliseconds{100}, milliseconds{10000}}, [] { return 0.0; }};
  BOOST_TEST(zero.delay(7).count() == 0);
}

BOOST_AUTO_TEST_CASE(restart_backoff_never_exceeds_cap_after_jitter) {
  backoff_policy policy{milliseconds{40}, milliseconds{300}};
  for (double u : {0.0, 0.25, 0.999999, 1.0, 1.5, -0.5}) {
    for (std::size_t n = 1; n < 80; ++n) {
      auto delay = jittered_delay(policy, n, u);
      BOOST_TEST(delay.count() >= 0);
      BOOST_TEST(delay <= policy.cap);
      BOOST_TEST(delay <= backoff_ceiling(policy, n));
    }
  }
  std::mt19937_64 engine{7};
  restart_backoff seeded{policy,
                         [&engine] { return std::uniform_real_distribution<double>{}(engine); }};
  for (std::size_t n = 1; n < 1000; ++n) BOOST_TEST(seeded.delay(n) <= policy.cap);
}

BOOST_AUTO_TEST_CASE(should_restart_follows_the_restart_type_and_exit_kind) {
  for (auto kind : {exit_kind::normal, exit_kind::shutdown, exit_kind::abnormal}) {
    BOOST_TEST(should_restart(restart_type::permanent, kind));
    BOOST_TEST(!should_restart(restart_type::temporary, kind));
    BOOST_TEST(should_restart(restart_type::transient, kind) == (kind == exit_kind::abnormal));
  }
}

BOOST_AUTO_TEST_CASE(one_for_one_restarts_only_the_failed_child) {
  auto plan = plan_restart(strategy::one_for_one, three_permanent, 1, exit_kind::abnormal);
  BOOST_TEST(plan.restart == index_list({1}), boost::test_tools::per_element());
  BOOST_TEST(plan.stop.empty());
  BOOST_TEST(plan.remove.empty());
}

BOOST_AUTO_TEST_CASE(one_for_all_stops_siblings_in_reverse_and_restarts_all_in_order) {
  auto plan = plan_restart(strategy::one_for_all, three_permanent, 1, exit_kind::abnormal);
  BOOST_TEST(plan.stop == index_list({2, 0}), boost::test_tools::per_element());
  BOOST_TEST(plan.restart == index_list({0, 1, 2}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rest_for_one_restarts_the_failed_child_and_later_ones) {
  std::vector<restart_type> types(4, restart_type::permanent);
  auto plan = plan_restart(strategy::rest_for_one, types, 1, exit_kind::abnormal);
  BOOST_TEST(plan.stop == index_list({3, 2}), boost::test_tools::per_element());
  BOOST_TEST(plan.restart == index_list({1, 2, 3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(group_restart_drops_temporary_siblings_instead_of_restarting_them) {
  std::vector<restart_type> types{restart_type::temporary, restart_type::permanent,
                                  restart_type::transient};
  auto plan = plan_restart(strategy::one_for_all, types, 1, exit_kind::abnormal);
  BOOST_TEST(plan.stop == index_list({2, 0}), boost::test_tools::per_element());
  BOOST_TEST(plan.restart == index_list({1, 2}), boost::test_tools::per_element());
  BOOST_TEST(plan.remove == index_list({0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(transient_child_that_exits_normally_restarts_nothing_under_any_strategy) {
  std::vector<restart_type> types{restart_type::permanent, restart_type::transient};
  for (auto s : {strategy::one_for_one, strategy::one_for_all, strategy::rest_for_one}) {
    for (auto kind : {exit_kind::normal, exit_kind::shutdown}) {
      auto plan = plan_restart(s, types, 1, kind);
      BOOST_TEST(plan.restart.empty());
      BOOST_TEST(plan.stop.empty());
      BOOST_TEST(plan.remove.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(temporary_child_is_removed_and_never_restarted) {
  std::vector<restart_type> types{restart_type::permanent, restart_type::temporary};
  auto plan = plan_restart(strategy::one_for_all, types, 1, exit_kind::abnormal);
  BOOST_TEST(plan.restart.empty());
  BOOST_TEST(plan.stop.empty());
  BOOST_TEST(plan.remove == index_list({1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(simple_one_for_one_forgets_a_dynamic_child_that_ended_normally) {
  std::vector<restart_type> types(2, restart_type::transient);
  auto plan = plan_restart(strategy::simple_one_for_one, types, 0, exit_kind::normal);
  BOOST_TEST(plan.remove == index_list({0}), boost::test_tools::per_element());
  auto crash = plan_restart(strategy::simple_one_for_one, types, 0, exit_kind::abnormal);
  BOOST_TEST(crash.restart == index_list({0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(strategy_and_restart_type_names_round_trip) {
  for (auto s : {strategy::one_for_one, strategy::one_for_all, strategy::rest_for_one,
                 strategy::simple_one_for_one})
    BOOST_TEST((parse_strategy(to_string(s)) == s));
  for (auto t : {restart_type::permanent, restart_type::transient, restart_type::temporary})
    BOOST_TEST((parse_restart_type(to_string(t)) == t));
  BOOST_TEST(!parse_strategy("one_for_some").has_value());
}

BOOST_AUTO_TEST_CASE(tree_json_has_every_field_with_nulls_for_absent_values) {
  supervision_tree_node child{
      "store", "service", std::nullopt, child_status::restarting, 2, "system_error(runtime_error)",
      {}, std::nullopt};
  supervision_tree_node root{"node",       "supervisor", "one_for_one",
                             child_status::running,
                             0,          std::nullopt, {child},
                             intensity_view{3, 30000, 1}};
  auto json = to_json(root);
  BOOST_TEST(json.at("name") == "node");
  BOOST_TEST(json.at("strategy") == "one_for_one");
  BOOST_TEST(json.at("lastFailure").is_null());
  BOOST_TEST(json.at("status") == "running");
  BOOST_TEST(json.at("intensity").at("maxRestarts") == 3);
  BOOST_TEST(json.at("intensity").at("periodMs") == 30000);
  BOOST_TEST(json.at("intensity").at("recentRestarts") == 1);
  const auto& first = json.at("children").at(0);
  BOOST_TEST(first.at("strategy").is_null());
  BOOST_TEST(first.at("status") == "restarting");
  BOOST_TEST(first.at("restarts") == 2);
  BOOST_TEST(first.at("lastFailure") == "system_error(runtime_error)");
  BOOST_TEST(first.at("children").empty());
  BOOST_TEST(first.at("intensity").is_null());
  BOOST_TEST(find_node(root, "store") != nullptr);
  BOOST_TEST(find_node(root, "missing") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
