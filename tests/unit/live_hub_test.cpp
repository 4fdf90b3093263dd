// The live hub and the stream writer: topic filters, bounded queues, overflow, leaving.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "gateway/event_feed.hpp"
#include "gateway/live_hub.hpp"
#include "gateway/stream_query.hpp"

namespace gw = auraos::gateway;

namespace {

gw::stream_chunk chunk(std::string text) {
  return std::make_shared<const std::string>(std::move(text));
}

/// Everything queued in `writer`, concatenated, and whether it is closing.
std::pair<std::string, bool> drained(gw::stream_writer& writer) {
  auto batch = writer.take();
  std::string all;
  for (const auto& c : batch.chunks) all += *c;
  return {all, batch.finish};
}

auraos::runtime::events::event stored(std::int64_t seq, std::string type = "t") {
  auraos::runtime::events::event e;
  e.id = "e" + std::to_string(seq);
  e.type = std::move(type);
  e.source = "s";
  e.seq = seq;
  return e;
}

/// The ids of the `event` messages in `text`, in order ("e1 e2 ...").
std::string event_ids(const std::string& text) {
  std::string ids;
  for (auto at = text.find("id: "); at != std::string::npos; at = text.find("id: ", at + 1)) {
    if (at != 0 && text[at - 1] != '\n') continue;
    auto end = text.find('\n', at);
    ids += (ids.empty() ? "" : " ") + text.substr(at + 4, end - at - 4);
  }
  return ids;
}

/// Subscribes a feed of `filter` with a writer of `capacity`; the feed.
std::shared_ptr<gw::event_feed> subscribe_feed(gw::live_hub& hub,
                                               auraos::runtime::events::event_filter filter,
                                               std::size_t capacity) {
  auto writer = std::make_shared<gw::stream_writer>(capacity);
  auto feed = std::make_shared<gw::event_feed>(std::move(filter), writer, capacity);
  gw::live_filter live{false, false, false, std::nullopt, feed};
  hub.subscribe(live, writer);
  return feed;
}

gw::live_filter only_executions() {
  gw::live_filter filter;
  filter.supervision = filter.cluster = false;
  return filter;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(live_hub)

BOOST_AUTO_TEST_CASE(a_writer_refuses_chunks_beyond_its_capacity_and_after_close) {
  gw::stream_writer writer{2};
  BOOST_TEST(writer.push("a"));
  BOOST_TEST(writer.push("b"));
  BOOST_TEST(!writer.push("c"));
  writer.close("last");
  BOOST_TEST(!writer.push("d"));
  auto [text, finish] = drained(writer);
  BOOST_TEST(text == "ablast");
  BOOST_TEST(finish);
}

BOOST_AUTO_TEST_CASE(a_writer_wakes_its_connection_once_per_take_and_runs_on_end_once) {
  gw::stream_writer writer{10};
  int wakes = 0;
  int ends = 0;
  writer.connect([&] { ++wakes; });
  writer.push("a");
  writer.push("b");
  BOOST_TEST(wakes == 1);
  writer.take();
  writer.push("c");
  BOOST_TEST(wakes == 2);
  writer.on_end([&] { ++ends; });
  writer.finish();
  writer.finish();
  BOOST_TEST(ends == 1);
  BOOST_TEST(writer.ended());
  BOOST_TEST(!writer.push("d"));
  writer.on_end([&] { ++ends; });  // already ended: at once
  BOOST_TEST(ends == 2);
}

BOOST_AUTO_TEST_CASE(nobody_wants_a_topic_until_someone_subscribes_to_it) {
  gw::live_hub hub;
  BOOST_TEST(!hub.wanted(gw::live_topic::executions));
  auto writer = std::make_shared<gw::stream_writer>(10);
  auto id = hub.subscribe(only_executions(), writer);
  BOOST_TEST(hub.wanted(gw::live_topic::executions));
  BOOST_TEST(!hub.wanted(gw::live_topic::supervision));
  BOOST_TEST(!hub.wanted(gw::live_topic::transitions));
  hub.unsubscribe(id);
  BOOST_TEST(!hub.wanted(gw::live_topic::executions));
  BOOST_TEST(hub.subscribers() == 0u);
}

BOOST_AUTO_TEST_CASE(messages_reach_only_the_subscribers_whose_filter_takes_them) {
  gw::live_hub hub;
  auto executions = std::make_shared<gw::stream_writer>(10);
  auto everything = std::make_shared<gw::stream_writer>(10);
  gw::live_filter with_transitions;
  with_transitions.execution = "e1";
  hub.subscribe(only_executions(), executions);
  hub.subscribe(with_transitions, everything);
  BOOST_TEST(hub.wants_transitions("e1"));
  BOOST_TEST(!hub.wants_transitions("e2"));
  hub.publish(gw::live_topic::executions, chunk("X"));
  hub.publish(gw::live_topic::supervision, chunk("S"));
  hub.publish(gw::live_topic::cluster, chunk("C"));
  hub.publish(gw::live_topic::transitions, chunk("T1"), "e1");
  hub.publish(gw::live_topic::transitions, chunk("T2"), "e2");
  BOOST_TEST(drained(*executions).first == "X");
  BOOST_TEST(drained(*everything).first == "XSCT1");
}

BOOST_AUTO_TEST_CASE(a_subscriber_that_falls_behind_gets_the_overflow_message_and_leaves) {
  gw::live_hub hub;
  hub.set_overflow_message("OVERFLOW");
  auto slow = std::make_shared<gw::stream_writer>(3);
  auto fast = std::make_shared<gw::stream_writer>(100);
  hub.subscribe(only_executions(), slow);
  hub.subscribe(only_executions(), fast);
  for (int i = 0; i < 5; ++i) hub.publish(gw::live_topic::executions, chunk(std::to_string(i)));
  auto [text, finish] = drained(*slow);
  BOOST_TEST(text == "012OVERFLOW");
  BOOST_TEST(finish);
  BOOST_TEST(drained(*fast).first == "01234");
  BOOST_TEST(hub.subscribers() == 1u);
}

BOOST_AUTO_TEST_CASE(a_stream_that_ends_leaves_the_hub) {
  gw::live_hub hub;
  auto writer = std::make_shared<gw::stream_writer>(10);
  hub.subscribe(gw::live_filter{}, writer);
  BOOST_TEST(hub.subscribers() == 1u);
  writer->finish();  // the client went away
  BOOST_TEST(hub.subscribers() == 0u);
  BOOST_TEST(!hub.wanted(gw::live_topic::cluster));
}

BOOST_AUTO_TEST_CASE(stream_queries_pick_topics_and_refuse_unknown_ones_by_name) {
  auto parse = [](std::map<std::string, std::string> query) {
    gw::http_request request;
    request.query = std::move(query);
    return gw::parse_stream_filter(request);
  };
  auto all = parse({});
  BOOST_REQUIRE(all.has_value());
  BOOST_TEST(gw::topic_names(*all) ==
             (std::vector<std::string>{"executions", "supervision", "cluster"}));
  auto some = parse(
      {{"topics", "cluster,executions"}, {"execution", "0a1b2c3d-0000-4000-8000-00000000abcd"}});
  BOOST_REQUIRE(some.has_value());
  BOOST_TEST(gw::topic_names(*some) == (std::vector<std::string>{"executions", "cluster"}));
  BOOST_TEST(*some->execution == "0a1b2c3d-0000-4000-8000-00000000abcd");
  for (const char* bad : {"nope", "", "executions,", "executions,,cluster", "Executions"}) {
    auto refused = parse({{"topics", bad}});
    BOOST_TEST_CONTEXT(bad) {
      BOOST_REQUIRE(!refused.has_value());
      BOOST_TEST(refused.error().message.find("'topics'") != std::string::npos);
    }
  }
  for (const char* bad : {"", "x", "0a1b2c3d-0000-4000-8000-00000000abcg", "../../etc"}) {
    auto refused = parse({{"execution", bad}});
    BOOST_REQUIRE(!refused.has_value());
    BOOST_TEST(refused.error().message.find("'execution'") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_replaying_feed_holds_live_events_and_lets_through_only_newer_ones) {
  gw::live_hub hub;
  auto feed = subscribe_feed(hub, {}, 100);
  BOOST_TEST(hub.wanted(gw::live_topic::events));
  BOOST_TEST(!hub.wanted(gw::live_topic::executions));
  // Stored while the replay reads: 3 and 4 come live, the replay sees 1 to 3.
  gw::publish_stored_events(hub, {stored(3), stored(4)});
  BOOST_TEST(feed->replay({stored(1), stored(2), stored(3)}));
  BOOST_TEST(feed->go_live(3));
  gw::publish_stored_events(hub, {stored(5)});
  gw::publish_stored_events(hub, {stored(4)});  // a late repeat is skipped
  auto [text, finish] = drained(*feed->writer());
  BOOST_TEST(event_ids(text) == "e1 e2 e3 e4 e5");
  BOOST_TEST(text.find("id: e1\nevent: event\ndata: {") == 0u, text);
  BOOST_TEST(text.find("\"id\":\"e1\"") != std::string::npos, text);
  BOOST_TEST(!finish);
}

BOOST_AUTO_TEST_CASE(a_feed_takes_only_events_passing_its_filter_and_where) {
  gw::live_hub hub;
  auraos::runtime::events::event_filter filter;
  filter.types = {"a", "b"};
  filter.where = auraos::runtime::events::parse_where("event.id != 'e2'").value();
  auto feed = subscribe_feed(hub, filter, 100);
  feed->go_live(0);
  gw::publish_stored_events(hub, {stored(1, "a"), stored(2, "b"), stored(3, "c"), stored(4, "b")});
  BOOST_TEST(event_ids(drained(*feed->writer()).first) == "e1 e4");
}

BOOST_AUTO_TEST_CASE(a_feed_that_falls_behind_is_closed_with_overflow_and_publishing_goes_on) {
  gw::live_hub hub;
  auto slow = subscribe_feed(hub, {}, 3);
  auto fast = subscribe_feed(hub, {}, 100);
  slow->go_live(0);
  fast->go_live(0);
  for (int seq = 1; seq <= 5; ++seq) gw::publish_stored_events(hub, {stored(seq)});
  auto [text, finish] = drained(*slow->writer());
  BOOST_TEST(event_ids(text) == "e1 e2 e3");
  BOOST_TEST(text.find("event: overflow") != std::string::npos);
  BOOST_TEST(finish);
  BOOST_TEST(event_ids(drained(*fast->writer()).first) == "e1 e2 e3 e4 e5");
  BOOST_TEST(hub.subscribers() == 1u);
}

BOOST_AUTO_TEST_CASE(a_replay_holding_more_than_the_bound_overflows) {
  gw::live_hub hub;
  auto feed = subscribe_feed(hub, {}, 2);
  for (int seq = 1; seq <= 3; ++seq) gw::publish_stored_events(hub, {stored(seq)});
  BOOST_TEST(hub.subscribers() == 0u);
  BOOST_TEST(drained(*feed->writer()).first.find("event: overflow") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
