// Retry policy, waits with jitter, attempt timeouts and late results.
#include "engine_harness.hpp"
#include "runtime/engine/retry.hpp"

using namespace auraos::runtime::engine;
using namespace auraos::runtime::engine::test;
using nlohmann::json;
using kind = auraos::v1::HistoryEvent;
using auraos::runtime::definition::jitter_mode;
using auraos::runtime::definition::retry_policy;

BOOST_AUTO_TEST_SUITE(engine_retry)

BOOST_AUTO_TEST_CASE(retry_waits_grow_by_the_rate_and_are_capped_before_jitter) {
  retry_policy p;
  p.initial_interval_seconds = 1;
  p.backoff_rate = 2;
  p.max_interval_seconds = 5;
  p.jitter = jitter_mode::none;
  struct row {
    int next;
    std::int64_t ms;
  };
  for (auto r : {row{2, 1000}, row{3, 2000}, row{4, 4000}, row{5, 5000}, row{9, 5000}})
    BOOST_TEST(retry_delay_ms(p, r.next, 0.99) == r.ms);
  p.jitter = jitter_mode::full;
  for (auto r : {row{2, 500}, row{4, 2000}, row{9, 2500}})
    BOOST_TEST(retry_delay_ms(p, r.next, 0.5) == r.ms);
  BOOST_TEST(retry_delay_ms(p, 9, 0.999) <= 5000);
  BOOST_TEST(retry_delay_ms(p, 9, 0.0) == 0);
}

BOOST_AUTO_TEST_CASE(retry_on_and_non_retryable_lists_select_the_errors_retried) {
  retry_policy p;
  p.max_attempts = 3;
  struct row {
    std::vector<std::string> on, never;
    node_error e;
    int attempt;
    bool retried;
  };
  std::vector<row> rows{
      {{"*"}, {}, {"exit_code", "", true}, 1, true},
      {{"*"}, {}, {"exit_code", "", true}, 3, false},
      {{"timeout"}, {}, {"exit_code", "", true}, 1, false},
      {{"timeout"}, {}, {"timeout", "", true}, 1, true},
      {{"*"}, {"exit_code"}, {"exit_code", "", true}, 1, false},
      {{"*"}, {}, {"http_status", "404", false}, 1, false},
      {{"*"}, {"http_status_4xx"}, {"http_status", "503", true}, 1, true},
      {{"http_status_4xx"}, {}, {"http_status", "404", false}, 1, false},
      {{"*"}, {}, {"cancelled", "", true}, 1, false},
      {{"*"}, {}, {"expression", "", true}, 1, false},
      {{"*"}, {}, {"definition", "", true}, 1, false},
  };
  for (const auto& r : rows) {
    p.retry_on = r.on;
    p.non_retryable = r.never;
    BOOST_TEST(should_retry(p, r.e, r.attempt) == r.retried, r.e.type << " " << r.e.message);
  }
}

BOOST_AUTO_TEST_CASE(failed_attempt_waits_on_a_durable_timer_then_retries_with_a_new_key) {
  auto doc = workflow_doc({shell(
      "a", {{"retry",
             {{"maxAttempts", 3}, {"initialIntervalSeconds", 2}, {"maxIntervalSeconds", 3}}}})});
  harness h(doc);
  h.queue_random({0.5, 0.99});
  h.start();
  auto d = h.fail_attempt("a", 1, "exit_code");
  BOOST_TEST(h.status("a") == node_status::retrying);
  auto timers = effects_of<set_timer>(d);
  BOOST_REQUIRE_EQUAL(timers.size(), 1u);
  BOOST_TEST(timers[0].id == "retry:a:2");
  BOOST_TEST(timers[0].deadline_ms == 1000 + 1000);
  auto retry = h.fire("retry:a:2", 2000);
  auto starts = effects_of<start_attempt>(retry);
  BOOST_REQUIRE_EQUAL(starts.size(), 1u);
  BOOST_TEST(starts[0].attempt == 2);
  BOOST_TEST(starts[0].idempotency_key == "e1/a/2");
  auto second = effects_of<set_timer>(h.fail_attempt("a", 2, "exit_code"));
  BOOST_TEST(second.at(0).deadline_ms == 2000 + 2970);
  h.fire("retry:a:3", 5000);
  h.fail_attempt("a", 3, "exit_code");
  BOOST_TEST(h.status("a") == node_status::failed);
  BOOST_TEST(h.state().nodes.at("a").error->attempts == 3);
  BOOST_TEST(count_records(h.history(), kind::kRetryScheduled, "a") == 2);
  BOOST_TEST(count_records(h.history(), kind::kAttemptFailed, "a") == 3);
}

BOOST_AUTO_TEST_CASE(http_4xx_is_not_retried) {
  harness h(workflow_doc({shell("a", {{"retry", {{"maxAttempts", 5}}}})}));
  h.start();
  h.fail_attempt("a", 1, "http_status", false);
  BOOST_TEST(h.status("a") == node_status::failed);
  BOOST_TEST(count_records(h.history(), kind::kRetryScheduled) == 0);
}

BOOST_AUTO_TEST_CASE(attempt_timeout_cancels_the_attempt_fails_it_and_retries) {
  auto doc = workflow_doc(
      {shell("a", {{"timeoutSeconds", 10}, {"retry", {{"maxAttempts", 2}, {"jitter", "none"}}}})});
  harness h(doc);
  auto start = h.start();
  BOOST_TEST(effects_of<start_attempt>(start).at(0).deadline_ms == 11000);
  BOOST_TEST(effects_of<set_timer>(start).at(0).id == "timeout:a:1");
  auto d = h.fire("timeout:a:1", 11000);
  BOOST_TEST(effects_of<cancel_attempt>(d).size() == 1u);
  BOOST_TEST(h.state().nodes.at("a").error->type == "timeout");
  BOOST_TEST(h.status("a") == node_status::retrying);
  BOOST_TEST(effects_of<set_timer>(d).at(0).deadline_ms == 12000);
}

BOOST_AUTO_TEST_CASE(late_result_of_a_superseded_attempt_is_ignored) {
  auto doc = workflow_doc(
      {shell("a", {{"timeoutSeconds", 1}, {"retry", {{"maxAttempts", 2}, {"jitter", "none"}}}})});
  harness h(doc);
  h.start();
  h.fire("timeout:a:1", 2000);
  auto late = h.complete("a", 1, "late");
  BOOST_TEST(late.records.empty());
  BOOST_TEST(late.effects.empty());
  BOOST_TEST(h.status("a") == node_status::retrying);
}

BOOST_AUTO_TEST_CASE(completed_attempt_cancels_its_timeout_timer) {
  harness h(workflow_doc({shell("a", {{"timeoutSeconds", 1}})}));
  h.start();
  auto d = h.complete("a", 1);
  BOOST_TEST(effects_of<cancel_timer>(d).at(0).id == "timeout:a:1");
  BOOST_TEST(h.state().timers.empty());
  BOOST_TEST(h.fire("timeout:a:1", 5000).records.empty());
}

BOOST_AUTO_TEST_SUITE_END()
