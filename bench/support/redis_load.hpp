#pragma once
// The Redis side of events_bench's throughput case: `clients` threads, each with one
// connection, send pipelines of one `XADD KEY * e EVENT` per event of a batch (one write, then
// every reply read) until `batches` pipelines were answered.

#include <cstdint>
#include <string>
#include <vector>

#include "bench/support/rest_load.hpp"

namespace auraos::bench {

/// Appends `batches` copies of `events` (each event's JSON text one entry) to the stream `key`
/// on 127.0.0.1:`port`; latencies are per pipeline. Redis assigns each entry its id, as our
/// node does.
load_outcome redis_xadd_load(std::uint16_t port, const std::string& key,
                             const std::vector<std::string>& events, std::int64_t batches,
                             int clients);

/// The length of the stream `key` (XLEN).
std::int64_t redis_stream_length(std::uint16_t port, const std::string& key);

}  // namespace auraos::bench
