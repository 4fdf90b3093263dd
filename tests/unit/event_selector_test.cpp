// Which events a wait or a trigger takes, and the ids derived from names (publish_event's
// idempotent event ids).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/events/event_json.hpp"
#include "runtime/events/event_selector.hpp"
#include "runtime/uuid.hpp"

namespace ev = auraos::runtime::events;
using auraos::runtime::expr::expression;

namespace {

ev::event paid(int amount, std::string correlation = "c1") {
  ev::event e;
  e.id = "e1";
  e.type = "order.paid";
  e.source = "shop";
  e.data = R"({"amount": )" + std::to_string(amount) + "}";
  e.correlation_id = std::move(correlation);
  return e;
}

bool takes(const ev::event_selector& s, const ev::event& e) {
  return ev::selects(s, e, ev::event_json(e));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(event_selector)

BOOST_AUTO_TEST_CASE(type_source_correlation_and_where_must_all_hold) {
  auto where = *expression::parse("event.data.amount > 100");
  struct row {
    ev::event_selector selector;
    ev::event event;
    bool taken;
  };
  std::vector<row> rows{
      {{"order.paid", {}, {}, {}}, paid(1), true},
      {{"order.created", {}, {}, {}}, paid(1), false},
      {{"order.paid", std::string{"shop"}, {}, {}}, paid(1), true},
      {{"order.paid", std::string{"bank"}, {}, {}}, paid(1), false},
      {{"order.paid", {}, std::string{"c1"}, {}}, paid(1), true},
      {{"order.paid", {}, std::string{"c2"}, {}}, paid(1), false},
      {{"order.paid", {}, {}, where}, paid(250), true},
      {{"order.paid", {}, {}, where}, paid(50), false},
  };
  for (std::size_t i = 0; i < rows.size(); ++i)
    BOOST_TEST(takes(rows[i].selector, rows[i].event) == rows[i].taken, "row " << i);
}

BOOST_AUTO_TEST_CASE(a_where_that_fails_or_is_not_boolean_takes_nothing) {
  BOOST_TEST(
      !takes({"order.paid", {}, {}, *expression::parse("event.data.missing.x > 1")}, paid(1)));
  BOOST_TEST(!takes({"order.paid", {}, {}, *expression::parse("event.data.amount")}, paid(1)));
}

BOOST_AUTO_TEST_CASE(name_uuids_are_stable_distinct_and_canonical) {
  auto a = auraos::runtime::name_uuid("exec/node/1");
  BOOST_TEST(a == auraos::runtime::name_uuid("exec/node/1"));
  BOOST_TEST(a != auraos::runtime::name_uuid("exec/node/2"));
  BOOST_TEST(auraos::runtime::is_uuid(a));
  BOOST_TEST(a[14] == '8');
}

BOOST_AUTO_TEST_SUITE_END()
