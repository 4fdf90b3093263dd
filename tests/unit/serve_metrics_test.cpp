// Pure parts of the node's metrics: workflow execution metrics and the Prometheus text.

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "gateway/prometheus_text.hpp"
#include "gateway/resource_json.hpp"
#include "gateway/workflow_metrics.hpp"

namespace p = auraos::persistence;
using auraos::gateway::execution_metrics_json;

namespace {

p::execution_record finished(p::execution_status status, std::int64_t duration_ms) {
  p::execution_record record;
  record.status = status;
  record.started_at = 1000;
  record.completed_at = 1000 + duration_ms;
  return record;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_metrics)

BOOST_AUTO_TEST_CASE(workflow_metrics_count_statuses_and_use_nearest_rank_percentiles) {
  std::vector<p::execution_record> all;
  for (int i = 1; i <= 100; ++i) all.push_back(finished(p::execution_status::completed, i * 10));
  all.push_back(finished(p::execution_status::failed, 5));
  all.push_back(finished(p::execution_status::cancelled, 5));
  p::execution_record running;
  running.status = p::execution_status::running;
  all.push_back(running);
  auto metrics = execution_metrics_json(all);
  BOOST_TEST(metrics["executions"]["total"] == 103);
  BOOST_TEST(metrics["executions"]["running"] == 1);
  BOOST_TEST(metrics["executions"]["completed"] == 100);
  BOOST_TEST(metrics["executions"]["failed"] == 1);
  BOOST_TEST(metrics["executions"]["cancelled"] == 1);
  // 102 finished durations, sorted: 5, 5, 10, 20, ..., 1000; rank ceil(q * 102).
  BOOST_TEST(metrics["durationMs"]["p50"] == 490);
  BOOST_TEST(metrics["durationMs"]["p95"] == 950);
  BOOST_TEST(metrics["durationMs"]["p99"] == 990);
  BOOST_TEST(metrics["successRate"].get<double>() == 100.0 / 102.0,
             boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(workflow_metrics_without_finished_executions_are_null) {
  auto metrics = execution_metrics_json({});
  BOOST_TEST(metrics["executions"]["total"] == 0);
  BOOST_TEST(metrics["durationMs"]["p50"].is_null());
  BOOST_TEST(metrics["successRate"].is_null());
}

BOOST_AUTO_TEST_CASE(prometheus_histogram_buckets_are_cumulative) {
  auraos::gateway::metrics_snapshot snapshot;
  snapshot.executions_by_status = {{"completed", 3}, {"running", 1}};
  snapshot.commits.record(2, std::chrono::microseconds(50), true);
  snapshot.commits.record(1, std::chrono::microseconds(300), true);
  snapshot.commits.record(1, std::chrono::seconds(2), false);
  snapshot.actor_restarts = 4;
  nlohmann::json counters = {
      {"nodeAttempts", 7}, {"retries", 2}, {"activeActors", 5}, {"label", "x"}};
  snapshot.service_counters = &counters;
  auto text = auraos::gateway::prometheus_text(snapshot);
  for (const char* line :
       {"auraos_executions{status=\"completed\"} 3\n", "auraos_executions{status=\"running\"} 1\n",
        "auraos_store_commit_latency_seconds_bucket{le=\"0.0001\"} 1\n",
        "auraos_store_commit_latency_seconds_bucket{le=\"0.00025\"} 1\n",
        "auraos_store_commit_latency_seconds_bucket{le=\"0.0005\"} 2\n",
        "auraos_store_commit_latency_seconds_bucket{le=\"1\"} 2\n",
        "auraos_store_commit_latency_seconds_bucket{le=\"+Inf\"} 3\n",
        "auraos_store_commit_latency_seconds_count 3\n", "auraos_store_commit_failures_total 1\n",
        "auraos_service_node_attempts_total 7\n", "auraos_service_retries_total 2\n",
        "# TYPE auraos_service_active_actors gauge\n", "auraos_service_active_actors 5\n",
        "auraos_actor_restarts_total 4\n"})
    BOOST_TEST(text.find(line) != std::string::npos, line << " in\n" << text);
  BOOST_TEST(text.find("label") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(times_are_rfc3339_utc_with_milliseconds) {
  BOOST_TEST(auraos::gateway::rfc3339_utc(0) == "1970-01-01T00:00:00.000Z");
  BOOST_TEST(auraos::gateway::rfc3339_utc(1'700'000'000'123) == "2023-11-14T22:13:20.123Z");
}

BOOST_AUTO_TEST_SUITE_END()
