// runtime/events: published events and CloudEvents validated with located problems, the
// in-memory filter with `where`, and the correlation tree.

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/events/cloud_event.hpp"
#include "runtime/events/correlation_tree.hpp"
#include "runtime/events/event_filter.hpp"
#include "runtime/events/event_input.hpp"

namespace ev = auraos::runtime::events;
using nlohmann::json;

namespace {

/// One row: a body and a problem expected in the details ("" when it must parse).
struct input_case {
  std::string body;
  std::string problem;
};

/// The details of parsing `body` joined by " | ", or "ok".
std::string problems_of(const std::string& body, bool cloud = false) {
  auto parsed = cloud ? ev::parse_cloud_events(json::parse(body), false)
                      : ev::parse_published_events(json::parse(body));
  if (parsed) return "ok";
  std::string out;
  for (const auto& line : parsed.error().details) out += (out.empty() ? "" : " | ") + line;
  return out;
}

void check_rows(const std::vector<input_case>& rows, bool cloud) {
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.body) {
      auto found = problems_of(row.body, cloud);
      if (row.problem.empty())
        BOOST_TEST(found == "ok");
      else
        BOOST_TEST(found.find(row.problem) != std::string::npos, found);
    }
  }
}

ev::event make(std::string id, std::string type, std::int64_t ts,
               std::optional<std::string> cause = {}) {
  ev::event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.source = "shop";
  e.timestamp = ts;
  e.correlation_id = "c1";
  e.causation_id = std::move(cause);
  e.data = R"({"amount": 250, "tags": ["a"]})";
  return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(events_input)

BOOST_AUTO_TEST_CASE(a_full_event_becomes_an_event_value) {
  auto parsed = ev::parse_published_events(json::parse(R"({
    "id": "e-1", "type": "order.paid", "source": "shop", "timestamp": "2026-11-30T10:00:00.250Z",
    "data": {"orderId": 7}, "metadata": {"m": 1}, "correlationId": "c", "causationId": null})"));
  BOOST_REQUIRE(parsed);
  BOOST_REQUIRE_EQUAL(parsed->size(), 1u);
  const auto& e = parsed->front();
  BOOST_TEST(e.id == "e-1");
  BOOST_TEST(e.type == "order.paid");
  BOOST_TEST(e.timestamp == 1796032800250);
  BOOST_TEST(e.data == R"({"orderId":7})");
  BOOST_TEST(e.metadata == R"({"m":1})");
  BOOST_TEST(e.correlation_id.value_or("") == "c");
  BOOST_TEST(!e.causation_id);
}

BOOST_AUTO_TEST_CASE(defaults_leave_id_and_time_to_the_service) {
  auto parsed = ev::parse_published_events(json::parse(R"({"type": "a", "source": "b"})"));
  BOOST_REQUIRE(parsed);
  BOOST_TEST(parsed->front().id.empty());
  BOOST_TEST(parsed->front().timestamp == 0);
  BOOST_TEST(parsed->front().data == "{}");
  BOOST_TEST(parsed->front().metadata == "{}");
}

BOOST_AUTO_TEST_CASE(each_bad_field_is_named) {
  check_rows({{R"({"type": "a", "source": "b", "data": null})", ""},
              {R"({"type": "a:b/c-d_e.F9", "source": "s"})", ""},
              {R"({"source": "b"})", "type: is required"},
              {R"({"type": "", "source": "b"})", "type: must not be empty"},
              {R"({"type": 5, "source": "b"})", "type: must be a string"},
              {R"({"type": "a b", "source": "b"})", "type: may hold only"},
              {R"({"type": "a", "source": "b", "x": 1})", "x: is not a field of an event"},
              {R"({"type": "a"})", "source: is required"},
              {R"({"type": "a", "source": "b", "timestamp": "yesterday"})", "timestamp: must be"},
              {R"({"type": "a", "source": "b", "metadata": []})", "metadata: must be an object"},
              {R"({"type": "a", "source": "b", "id": ""})", "id: must not be empty"},
              {R"({"type": "a", "source": "b", "correlationId": 3})", "correlationId: must be"},
              {R"({"type": "a", "source": "b", "causationId": "x\u0001"})", "causationId: must"},
              {R"("text")", "body: must be an event object"}},
             false);
  auto long_name = std::string(101, 'a');
  BOOST_TEST(problems_of(R"({"type": ")" + long_name + R"(", "source": "b"})")
                 .find("type: must be at most 100 characters") != std::string::npos);
  BOOST_TEST(problems_of(R"({"type": ")" + long_name.substr(1) + R"(", "source": "b"})") == "ok");
}

BOOST_AUTO_TEST_CASE(a_batch_names_the_index_of_each_bad_event) {
  auto batch = json::array();
  for (int i = 0; i < 5; ++i) batch.push_back({{"type", "t"}, {"source", "s"}});
  batch[3].erase("type");
  batch[4] = 7;
  auto parsed = ev::parse_published_events(batch);
  BOOST_REQUIRE(!parsed);
  BOOST_TEST(parsed.error().details ==
                 (std::vector<std::string>{"[3].type: is required", "[4]: must be a JSON object"}),
             boost::test_tools::per_element());
  BOOST_TEST(parsed.error().message.find("[3].type") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_batch_holds_at_most_1000_events) {
  auto batch = json::array();
  for (int i = 0; i < 1000; ++i) batch.push_back({{"type", "t"}, {"source", "s"}});
  BOOST_TEST(ev::parse_published_events(batch).has_value());
  batch.push_back({{"type", "t"}, {"source", "s"}});
  auto parsed = ev::parse_published_events(batch);
  BOOST_REQUIRE(!parsed);
  BOOST_TEST(parsed.error().message.find("at most 1000 events, got 1001") != std::string::npos);
  BOOST_TEST(ev::parse_published_events(json::array()).value().empty());
}

BOOST_AUTO_TEST_CASE(cloud_events_map_attributes_and_extensions) {
  auto parsed = ev::parse_cloud_events(json::parse(R"({
    "specversion": "1.0", "id": "ce-1", "type": "order.paid", "source": "/shop",
    "time": "2026-11-30T10:00:00Z", "subject": "o7", "datacontenttype": "application/json",
    "data": {"orderId": 7}, "correlationid": "c", "causationid": "ce-0"})"),
                                       false);
  BOOST_REQUIRE(parsed);
  const auto& e = parsed->front();
  BOOST_TEST(e.id == "ce-1");
  BOOST_TEST(e.source == "/shop");
  BOOST_TEST(e.timestamp == 1796032800000);
  BOOST_TEST(e.data == R"({"orderId":7})");
  BOOST_TEST(e.correlation_id.value_or("") == "c");
  BOOST_TEST(e.causation_id.value_or("") == "ce-0");
  BOOST_TEST(json::parse(e.metadata) ==
             json({{"subject", "o7"}, {"datacontenttype", "application/json"}}));
}

BOOST_AUTO_TEST_CASE(cloud_events_need_specversion_1_0) {
  check_rows({{R"({"specversion": "1.0", "type": "a", "source": "b"})", ""},
              {R"({"type": "a", "source": "b"})", "specversion: is required"},
              {R"({"specversion": "0.3", "type": "a", "source": "b"})", "must be \"1.0\""},
              {R"({"specversion": "1.0", "type": "a", "source": "b", "data_base64": "AA=="})",
               "data_base64: is not supported"},
              {R"({"specversion": "1.0", "source": "b"})", "type: is required"}},
             true);
  auto batch = ev::parse_cloud_events(json::parse(R"({"specversion": "1.0"})"), true);
  BOOST_REQUIRE(!batch);
  BOOST_TEST(batch.error().details.front() == "body: must be a JSON array of events");
}

BOOST_AUTO_TEST_CASE(the_filter_checks_every_member) {
  auto e = make("e1", "order.paid", 1000);
  auto passes = [&e](auto set) {
    ev::event_filter filter;
    set(filter);
    return filter.matches(e);
  };
  BOOST_TEST(passes([](auto&) {}));
  BOOST_TEST(passes([](auto& f) { f.types = {"x", "order.paid"}; }));
  BOOST_TEST(!passes([](auto& f) { f.types = {"x"}; }));
  BOOST_TEST(passes([](auto& f) { f.source = "shop"; }));
  BOOST_TEST(!passes([](auto& f) { f.source = "shop2"; }));
  BOOST_TEST(passes([](auto& f) { f.from_ms = 1000, f.to_ms = 1001; }));
  BOOST_TEST(!passes([](auto& f) { f.from_ms = 1001; }));
  BOOST_TEST(!passes([](auto& f) { f.to_ms = 1000; }));
  BOOST_TEST(passes([](auto& f) { f.correlation_id = "c1"; }));
  BOOST_TEST(!passes([](auto& f) { f.correlation_id = "c2"; }));
}

BOOST_AUTO_TEST_CASE(where_is_true_only_for_a_boolean_true) {
  auto e = make("e1", "order.paid", 1000);
  std::vector<std::pair<std::string, bool>> rows{
      {"event.data.amount > 100", true},
      {"event.data.amount > 1000", false},
      {"event.type == 'order.paid' && 'a' in event.data.tags", true},
      {"event.data.missing > 1", false},  // evaluation error: no match
      {"event.data.amount", false},       // not a boolean: no match
      {"event.timestamp.startsWith('1970')", true}};
  for (const auto& [source, expected] : rows) {
    BOOST_TEST_CONTEXT(source) {
      auto where = ev::parse_where(source);
      BOOST_REQUIRE(where);
      ev::event_filter filter;
      filter.where = *where;
      BOOST_TEST(filter.matches(e) == expected);
      BOOST_TEST(filter.matches(e, ev::where_scope(e)) == expected);
    }
  }
  auto bad = ev::parse_where("event.data.amount >");
  BOOST_REQUIRE(!bad);
  BOOST_TEST(bad.error().starts_with("where: position 20: "), bad.error());
}

BOOST_AUTO_TEST_CASE(the_correlation_tree_follows_causation_in_time_order) {
  // a -> (b -> d, c); x's cause is outside the set; y has none.
  std::vector<ev::event> events{make("a", "t", 1),      make("x", "t", 2, "gone"),
                                make("b", "t", 3, "a"), make("c", "t", 4, "a"),
                                make("d", "t", 5, "b"), make("y", "t", 6)};
  auto tree = ev::correlation_tree(events);
  auto expected = json::parse(R"([
    {"id": "a", "children": [{"id": "b", "children": [{"id": "d", "children": []}]},
                             {"id": "c", "children": []}]},
    {"id": "x", "children": []}, {"id": "y", "children": []}])");
  BOOST_TEST(ev::correlation_tree_json(tree) == expected);
}

BOOST_AUTO_TEST_CASE(cycles_and_self_causes_still_place_every_event_once) {
  std::vector<ev::event> events{make("p", "t", 1, "q"), make("q", "t", 2, "p"),
                                make("s", "t", 3, "s")};
  auto expected = json::parse(R"([
    {"id": "s", "children": []},
    {"id": "p", "children": [{"id": "q", "children": []}]}])");
  BOOST_TEST(ev::correlation_tree_json(ev::correlation_tree(events)) == expected);
}

BOOST_AUTO_TEST_CASE(a_long_causation_chain_builds_without_deep_recursion) {
  std::vector<ev::event> events{make("e0", "t", 0)};
  for (int i = 1; i < 10000; ++i)
    events.push_back(make("e" + std::to_string(i), "t", i, "e" + std::to_string(i - 1)));
  auto tree = ev::correlation_tree(events);
  BOOST_REQUIRE_EQUAL(tree.size(), 1u);
  std::size_t depth = 0;
  for (const auto* node = &tree.front(); !node->children.empty(); node = &node->children.front())
    ++depth;
  BOOST_TEST(depth == 9999u);
}

BOOST_AUTO_TEST_SUITE_END()
