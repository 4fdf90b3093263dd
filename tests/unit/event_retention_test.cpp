// Event retention and metrics as pure functions: the deletes of a retention pass, and event
// counts summed into the buckets of a window.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "actors/events/retention_plan.hpp"
#include "runtime/metrics/event_series.hpp"

namespace ae = auraos::actors::events;
namespace p = auraos::persistence;
namespace m = auraos::runtime::metrics;

namespace {

using opt = std::optional<std::int64_t>;

/// A task as text: "type age<ms keep<n" (a dash for an absent bound).
std::string text(const ae::retention_task& t) {
  return t.type + " " + (t.older_than_ms ? std::to_string(*t.older_than_ms) : "-") + " " +
         (t.keep ? std::to_string(*t.keep) : "-");
}

std::vector<std::string> texts(const std::vector<ae::retention_task>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) out.push_back(text(t));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(event_retention)

BOOST_AUTO_TEST_CASE(a_pass_applies_each_types_own_rule_else_the_default_rule) {
  struct row {
    std::vector<p::event_retention_rule> rules;
    std::vector<std::string> types;
    std::vector<std::string> expected;
  };
  const std::int64_t now = 1'000'000;
  const std::vector<row> table{
      {{}, {"a", "b"}, {}},
      {{{"a", 10, std::nullopt}}, {"a", "b"}, {"a 990000 -"}},
      {{{"a", std::nullopt, 5}, {"*", 100, std::nullopt}}, {"a", "b", "c"},
       {"a - 5", "b 900000 -", "c 900000 -"}},
      {{{"*", 1, 2}}, {"x"}, {"x 999000 2"}},
      {{{"gone", 1, 2}}, {"x"}, {}},
  };
  for (const auto& r : table)
    BOOST_TEST(texts(ae::retention_tasks(r.rules, r.types, now)) == r.expected,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(event_counts_fill_every_bucket_and_sum_per_type_and_source) {
  m::series_window window{1000, 4000, 1000};
  std::vector<m::event_count> rows{{0, "a", "shop", 2}, {0, "b", "shop", 1},
                                   {2, "a", "web", 3},  {3, "a", "web", 9},
                                   {-1, "a", "web", 9}};
  auto series = m::bucket_event_counts(window, rows);
  BOOST_REQUIRE(series.buckets.size() == 3u);
  BOOST_TEST(series.buckets[0].start_ms == 1000);
  BOOST_TEST(series.buckets[0].total == 3);
  BOOST_TEST(series.buckets[0].by_type.at("a") == 2);
  BOOST_TEST(series.buckets[0].by_type.at("b") == 1);
  BOOST_TEST(series.buckets[0].by_source.at("shop") == 3);
  BOOST_TEST(series.buckets[1].total == 0);
  BOOST_TEST(series.buckets[1].by_type.empty());
  BOOST_TEST(series.buckets[2].start_ms == 3000);
  BOOST_TEST(series.buckets[2].by_source.at("web") == 3);
  BOOST_TEST(series.total == 6);
  BOOST_TEST(series.per_second == 2.0);
}

BOOST_AUTO_TEST_SUITE_END()
