#pragma once
// The cases events_bench measures on a real node (`rest_node`): events stored per second in
// batches, publish → SSE subscriber latency at a paced rate, trigger → execution latency.

#include <cstdint>
#include <string>
#include <vector>

#include "bench/support/paced_publisher.hpp"
#include "bench/support/rest_load.hpp"
#include "bench/support/rest_node.hpp"

namespace auraos::bench {

/// Events stored per second: `batches` POSTs of the same batch body from `clients` threads.
struct store_figures {
  std::int64_t events = 0;   ///< Events in the timed POSTs.
  load_outcome load;         ///< Per-POST latencies, wall seconds, the first failure.
  std::int64_t stored = -1;  ///< Events of the batch's type listed afterwards (-1: not counted).
};

/// Posts `warmup` batches (not timed), then `batches` timed ones; counts the stored events of
/// `type` afterwards when `count` is set (a list walk, not timed).
store_figures measure_store(rest_node& node, const std::string& body, std::size_t batch,
                            const std::string& type, std::int64_t batches, int clients,
                            std::int64_t warmup, bool count);

/// Every stored event of `type` on `node`, counted by walking `GET /api/v1/events` pages over
/// a new connection.
std::int64_t count_events(rest_node& node, const std::string& type);

/// Publish → SSE latency: one subscriber of `GET /api/v1/events/stream?type=...` while the
/// paced publisher runs.
struct stream_figures {
  paced_outcome published;           ///< What the publishers did.
  std::int64_t received = 0;         ///< Distinct events the subscriber got.
  std::int64_t duplicates = 0;       ///< Events it got more than once.
  bool overflow = false;             ///< The stream ended with `overflow`.
  std::vector<double> from_send_ms;  ///< Received − the POST's write, per event.
  std::vector<double> from_due_ms;   ///< Received − the tick's due time, per event.
  double delivered_seconds = 0;      ///< From tick 0 due to the last event received.
  double period_ms = 10;             ///< The pace's period (ticks are due this far apart).
  std::string error;                 ///< What went wrong; empty when nothing.
};

/// Runs the stream case on `node` at pace `p`.
stream_figures measure_stream(rest_node& node, const pace& p);
/// Runs the stream case with the subscriber on port `subscribe_port` and the publishers on
/// `publish_port` (two nodes of a cluster, or one node twice).
stream_figures measure_stream(std::uint16_t subscribe_port, std::uint16_t publish_port,
                              const pace& p);

/// Trigger → execution: single events published one after another, each starting one
/// execution of a one-node workflow, timed to the execution's messages on
/// `GET /api/v1/stream?topics=executions` (the first says the row exists, status pending; the
/// next one carrying `startedAt` says it started: for one transform node that is the same
/// commit as its completion, so no `running` message comes).
struct trigger_figures {
  std::vector<double> post_ms;        ///< The publishing POST (write to 201).
  std::vector<double> created_ms;     ///< POST written → the execution's first message.
  std::vector<double> started_ms;     ///< POST written → its first message with `startedAt`.
  std::vector<double> started_at_ms;  ///< POST written (wall clock) → its `startedAt` stamp.
  std::string first_status;           ///< The status of the first message (e.g. "pending").
  std::string started_status;         ///< The status of the first message with `startedAt`.
  std::string error;                  ///< What went wrong; empty when nothing.
};

/// Creates workflow `on-bench` triggered by `bench.trigger`, then runs `warmup` untimed and
/// `count` timed events, the next one only after the execution before started.
trigger_figures measure_triggers(rest_node& node, int count, int warmup);

}  // namespace auraos::bench
