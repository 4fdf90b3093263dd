#pragma once
// Conformance cases of the event_store: publishing (seq, idempotency by id, all or nothing),
// deleting by age, the highest seq and consumers' cursors. Lists: store_conformance_event_lists.

namespace auraos::test::conformance {

/// An event of `type` at `timestamp` (ms), from "shop" unless `source` is given.
inline event_record an_event(std::string id, std::string type = "order.paid",
                             std::int64_t timestamp = 1000,
                             std::optional<std::string> correlation = std::nullopt,
                             std::string source = "shop") {
  event_record e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.source = std::move(source);
  e.data = R"({"orderId":7,"amount":250})";
  e.timestamp = timestamp;
  e.correlation_id = std::move(correlation);
  return e;
}

/// The seqs of a list of events, in order.
inline std::vector<std::int64_t> seqs(const std::vector<event_record>& events) {
  std::vector<std::int64_t> out;
  for (const auto& e : events) out.push_back(e.seq);
  return out;
}

/// Commits a request of one operation; its result.
inline store_result<op_result> commit_op(store& db, write_op op) {
  write_batch batch;
  batch.requests.push_back(write_request{{std::move(op)}});
  auto outcomes = db.commit(batch);
  if (!outcomes) return fail(std::move(outcomes).error());
  auto& outcome = outcomes->front();
  if (!outcome) return fail(std::move(outcome).error());
  return std::move(outcome->front());
}

/// Deletes events older than `older_than` (of `type`), at most `limit`; what was deleted.
inline deleted_events delete_events(store& db, std::int64_t older_than,
                                    std::optional<std::string> type, std::int64_t limit) {
  auto done = commit_op(db, delete_events_op{older_than, std::move(type), limit, std::nullopt});
  BOOST_REQUIRE_MESSAGE(done.has_value(), (done ? "" : done.error().message));
  return std::get<deleted_events>(*done);
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_events, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_published_event_is_stored_with_a_seq_and_its_storing_time) {
  BOOST_TEST(*db->last_event_seq() == 0);
  auto e = an_event("e1", "order.paid", 0, "order-7");
  e.causation_id = "cause-1";
  e.metadata = R"({"tenant":"eu"})";
  auto published = db->publish_events({e});
  AURAOS_REQUIRE_OK(published);
  BOOST_REQUIRE_EQUAL(published->events.size(), 1u);
  BOOST_TEST((published->existing == std::vector<bool>{false}));
  const auto& stored = published->events.front();
  BOOST_TEST(stored.seq > 0);
  BOOST_TEST(stored.stored_at == now_ms);  // zero: the store's clock
  BOOST_TEST(stored.timestamp == now_ms);  // zero: the storing time
  auto read = db->get_event("e1");
  AURAOS_REQUIRE_OK(read);
  BOOST_TEST(read->seq == stored.seq);
  BOOST_TEST(read->type == "order.paid");
  BOOST_TEST(read->source == "shop");
  BOOST_TEST(same_json(read->data, R"({"amount":250,"orderId":7})"));
  BOOST_TEST(same_json(read->metadata, R"({"tenant":"eu"})"));
  BOOST_TEST(read->timestamp == now_ms);
  BOOST_TEST(read->stored_at == now_ms);
  BOOST_TEST((read->correlation_id == std::optional<std::string>("order-7")));
  BOOST_TEST((read->causation_id == std::optional<std::string>("cause-1")));
  BOOST_TEST(*db->last_event_seq() == stored.seq);
}

BOOST_AUTO_TEST_CASE(an_event_without_id_gets_a_uuid_and_an_unknown_id_is_not_found) {
  auto published = db->publish_events({an_event("")});
  AURAOS_REQUIRE_OK(published);
  BOOST_TEST(published->events.front().id.size() == 36u);
  AURAOS_REQUIRE_OK(db->get_event(published->events.front().id));
  auto missing = db->get_event("no-such-event");
  BOOST_TEST(error_code(missing) == store_errc::not_found);
  BOOST_TEST(missing.error().message.find("'no-such-event'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_batch_is_stored_in_order_with_increasing_seqs) {
  auto first = db->publish_events({an_event("a")});
  AURAOS_REQUIRE_OK(first);
  auto batch = db->publish_events({an_event("b"), an_event("c"), an_event("d")});
  AURAOS_REQUIRE_OK(batch);
  BOOST_TEST(ids(batch->events) == (std::vector<std::string>{"b", "c", "d"}));
  BOOST_TEST((batch->existing == std::vector<bool>{false, false, false}));
  auto order = seqs(batch->events);
  BOOST_TEST(order.front() > first->events.front().seq);
  BOOST_TEST(std::is_sorted(order.begin(), order.end()));
  BOOST_TEST((std::adjacent_find(order.begin(), order.end()) == order.end()));
  auto listed = db->list_events({}, {});
  AURAOS_REQUIRE_OK(listed);
  BOOST_TEST(ids(listed->items) == (std::vector<std::string>{"a", "b", "c", "d"}));
  BOOST_TEST(*db->last_event_seq() == order.back());
}

BOOST_AUTO_TEST_CASE(publishing_a_stored_id_again_answers_the_stored_event_and_stores_nothing) {
  auto first = db->publish_events({an_event("e1", "order.paid", 1000)});
  AURAOS_REQUIRE_OK(first);
  auto again = an_event("e1", "order.shipped", 2000);
  again.data = R"({"other":true})";
  auto repeated = db->publish_events({again, an_event("e2")});
  AURAOS_REQUIRE_OK(repeated);
  BOOST_TEST((repeated->existing == std::vector<bool>{true, false}));
  const auto& stored = repeated->events.front();
  BOOST_TEST(stored.seq == first->events.front().seq);
  BOOST_TEST(stored.type == "order.paid");
  BOOST_TEST(stored.timestamp == 1000);
  BOOST_TEST(same_json(stored.data, R"({"orderId":7,"amount":250})"));
  BOOST_TEST(repeated->events.back().seq > stored.seq);
  auto listed = db->list_events({}, {});
  AURAOS_REQUIRE_OK(listed);
  BOOST_TEST(ids(listed->items) == (std::vector<std::string>{"e1", "e2"}));
}

BOOST_AUTO_TEST_CASE(a_duplicate_id_inside_one_batch_is_stored_once) {
  auto published =
      db->publish_events({an_event("a", "first"), an_event("b"), an_event("a", "second")});
  AURAOS_REQUIRE_OK(published);
  BOOST_TEST((published->existing == std::vector<bool>{false, false, true}));
  BOOST_TEST(published->events[2].seq == published->events[0].seq);
  BOOST_TEST(published->events[2].type == "first");
  auto listed = db->list_events({}, {});
  AURAOS_REQUIRE_OK(listed);
  BOOST_TEST(ids(listed->items) == (std::vector<std::string>{"a", "b"}));
}

BOOST_AUTO_TEST_CASE(seqs_have_no_holes_repeats_and_rejected_requests_take_none) {
  // A follower reads "every event after the last seq I read" (docs/storage.md): the seqs of
  // new events follow one another, whatever was repeated or rejected in between.
  auto first = db->publish_events({an_event("h1"), an_event("h2")});
  AURAOS_REQUIRE_OK(first);
  auto repeated = db->publish_events({an_event("h2"), an_event("h1"), an_event("h3")});
  AURAOS_REQUIRE_OK(repeated);
  auto bad = an_event("h4");
  bad.type.clear();
  BOOST_TEST(!commit_op(*db, publish_events_op{{an_event("h5"), bad}}).has_value());
  auto next = db->publish_events({an_event("h6"), an_event("h6"), an_event("h7")});
  AURAOS_REQUIRE_OK(next);
  auto base = first->events.front().seq;
  BOOST_TEST(seqs(first->events) == (std::vector<std::int64_t>{base, base + 1}));
  BOOST_TEST(seqs(repeated->events) == (std::vector<std::int64_t>{base + 1, base, base + 2}));
  BOOST_TEST(seqs(next->events) == (std::vector<std::int64_t>{base + 3, base + 3, base + 4}));
}

BOOST_AUTO_TEST_CASE(a_rejected_request_stores_none_of_its_events) {
  add_workflow("wf");
  auto stale = add_execution("wf");
  write_batch batch;
  batch.requests.push_back(
      {{publish_events_op{{an_event("x"), an_event("y")}}, appending(stale.id, 4)}});
  batch.requests.push_back({{publish_events_op{{an_event("z")}}}});
  auto outcomes = db->commit(batch);
  AURAOS_REQUIRE_OK(outcomes);
  BOOST_TEST(error_code((*outcomes)[0]) == store_errc::conflict);
  AURAOS_REQUIRE_OK((*outcomes)[1]);
  BOOST_TEST(error_code(db->get_event("x")) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_event("y")) == store_errc::not_found);
  auto listed = db->list_events({}, {});
  AURAOS_REQUIRE_OK(listed);
  BOOST_TEST(ids(listed->items) == std::vector<std::string>{"z"});
  auto retried = db->publish_events({an_event("x")});
  AURAOS_REQUIRE_OK(retried);
  BOOST_TEST((retried->existing == std::vector<bool>{false}));
  BOOST_TEST(retried->events.front().seq > listed->items.front().seq);
}

BOOST_AUTO_TEST_CASE(an_event_without_type_or_source_rejects_the_publish) {
  auto typeless = db->publish_events({an_event("a"), an_event("b", "")});
  BOOST_TEST(error_code(typeless) == store_errc::invalid);
  BOOST_TEST(typeless.error().message.find("event [1]") != std::string::npos);
  BOOST_TEST(error_code(db->publish_events({an_event("c", "t", 1, {}, "")})) ==
             store_errc::invalid);
  BOOST_TEST(error_code(db->get_event("a")) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(old_events_are_deleted_in_batches_lowest_seq_first) {
  std::vector<event_record> events;
  for (int i = 1; i <= 5; ++i) events.push_back(an_event("a" + std::to_string(i), "a", i * 1000));
  events.push_back(an_event("b1", "b", 1500));
  events.push_back(an_event("b2", "b", 2500));
  auto published = db->publish_events(events);
  AURAOS_REQUIRE_OK(published);
  auto seq_of = [&](std::size_t i) { return published->events[i].seq; };
  auto remove = [&](std::int64_t older_than, std::optional<std::string> type, std::int64_t limit) {
    return delete_events(*db, older_than, std::move(type), limit);
  };
  auto one = remove(3000, "a", 1);
  BOOST_TEST(one.count == 1);
  BOOST_TEST(one.max_deleted_seq == seq_of(0));
  auto rest = remove(3000, "a", 10);
  BOOST_TEST(rest.count == 1);  // a3 is at 3000: not older
  BOOST_TEST(rest.max_deleted_seq == seq_of(1));
  auto other = remove(3000, std::nullopt, 10);
  BOOST_TEST(other.count == 2);
  BOOST_TEST(other.max_deleted_seq == seq_of(6));
  auto none = remove(3000, std::nullopt, 10);
  BOOST_TEST(none.count == 0);
  BOOST_TEST(none.max_deleted_seq == 0);
  auto listed = db->list_events({}, {});
  AURAOS_REQUIRE_OK(listed);
  BOOST_TEST(ids(listed->items) == (std::vector<std::string>{"a3", "a4", "a5"}));
  BOOST_TEST(error_code(commit_op(*db, delete_events_op{1, std::nullopt, 0, std::nullopt})) ==
             store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(seqs_are_never_reused_after_every_event_was_deleted) {
  auto published = db->publish_events({an_event("a"), an_event("b")});
  AURAOS_REQUIRE_OK(published);
  auto last = published->events.back().seq;
  BOOST_TEST(delete_events(*db, 4'102'444'800'000, {}, 1000).count == 2);
  BOOST_TEST(*db->last_event_seq() == 0);
  reopen();
  auto later = db->publish_events({an_event("c")});
  AURAOS_REQUIRE_OK(later);
  BOOST_TEST(later->events.front().seq > last);
}

BOOST_AUTO_TEST_CASE(a_consumer_cursor_never_moves_backwards) {
  auto cursor = [&](const std::string& name) {
    auto seq = db->event_cursor(name);
    BOOST_REQUIRE_MESSAGE(seq.has_value(), (seq ? "" : seq.error().message));
    return *seq;
  };
  auto put = [&](const std::string& name, std::int64_t seq) {
    AURAOS_REQUIRE_OK(commit_op(*db, put_event_cursor_op{name, seq}));
  };
  BOOST_TEST(cursor("triggers") == 0);
  put("triggers", 5);
  BOOST_TEST(cursor("triggers") == 5);
  put("triggers", 3);
  BOOST_TEST(cursor("triggers") == 5);
  put("triggers", 9);
  BOOST_TEST(cursor("triggers") == 9);
  put("patterns", 2);
  BOOST_TEST(cursor("patterns") == 2);
  BOOST_TEST(cursor("triggers") == 9);
}

BOOST_AUTO_TEST_SUITE_END()
