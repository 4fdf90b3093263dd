// Every statement of the SQLite event list and delete templates is a range scan of one index,
// in seq order without a sort (EXPLAIN QUERY PLAN on a migrated database), so a page costs one
// index range from the cursor whatever the filter.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "persistence/embedded_sql.hpp"
#include "persistence/query_templates.hpp"
#include "persistence/sqlite/database.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "persistence/sqlite/statement.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

namespace p = auraos::persistence;

/// The statements (name, text) of the embedded SQLite query `name`.
std::vector<std::pair<std::string, std::string>> statements(std::string_view name) {
  for (const auto& query : p::sqlite_queries())
    if (query.name == name) return p::query_statements(query, '?');
  BOOST_FAIL("no query " << name);
  return {};
}

/// The lines of EXPLAIN QUERY PLAN of `sql` on `db`.
std::string plan_of(p::sqlite::database& db, const std::string& sql) {
  auto query = p::sqlite::statement::prepare(db.handle(), "EXPLAIN QUERY PLAN " + sql, "plan");
  BOOST_REQUIRE_MESSAGE(query.has_value(), (query ? "" : query.error().message));
  std::string plan;
  auto read =
      query->for_each_row([&](const p::sqlite::statement& row) { plan += row.text(3) + "\n"; });
  BOOST_REQUIRE(read.has_value());
  return plan;
}

/// A database migrated to the newest schema.
struct migrated {
  migrated() {
    auto opened = p::sqlite::sqlite_store::open({dir.file("auraos.db"), [] { return 1; }});
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
  }
  auraos::test::temp_dir dir;
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(each_event_list_statement_is_an_index_range_in_seq_order, migrated) {
  auto db = p::sqlite::database::open(dir.file("auraos.db"));
  BOOST_REQUIRE(db.has_value());
  const std::vector<std::pair<std::string, std::string>> expected{
      {"event_list", "SEARCH events USING INDEX idx_events_seq (seq>?)"},
      {"event_list_by_type", "SEARCH events USING INDEX idx_events_type (type=? AND seq>?)"},
      {"event_list_by_source", "SEARCH events USING INDEX idx_events_source (source=? AND seq>?)"},
      {"event_list_by_correlation",
       "SEARCH events USING INDEX idx_events_correlation_id (correlation_id=? AND seq>?)"},
  };
  auto made = statements("event_list");
  BOOST_REQUIRE_EQUAL(made.size(), expected.size());
  for (std::size_t i = 0; i < made.size(); ++i) {
    BOOST_TEST_CONTEXT(made[i].first) {
      BOOST_TEST(made[i].first == expected[i].first);
      BOOST_TEST(plan_of(*db, made[i].second) == expected[i].second + "\n");
    }
  }
}

BOOST_FIXTURE_TEST_CASE(event_deletes_scan_an_index_in_seq_order, migrated) {
  auto db = p::sqlite::database::open(dir.file("auraos.db"));
  BOOST_REQUIRE(db.has_value());
  for (const auto& [name, sql] : statements("event_delete")) {
    BOOST_TEST_CONTEXT(name) {
      auto plan = plan_of(*db, sql);
      BOOST_TEST(plan.find(name == "event_delete"
                               ? "SCAN events USING INDEX idx_events_seq"
                               : "USING INDEX idx_events_type (type=?)") != std::string::npos);
      BOOST_TEST(plan.find("TEMP B-TREE") == std::string::npos);
    }
  }
}
