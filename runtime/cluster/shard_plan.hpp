#pragma once
// How shards are spread over the live members, and what one node does about it: acquire free
// shards while under its target, release some while over it and another member is short.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace auraos::runtime::cluster {

/// What a node knows of membership and ownership when it plans.
struct plan_input {
  /// This node's name.
  std::string self;
  /// The live members (up or suspect); `self` counts even when missing here.
  std::vector<std::string> members;
  /// The owner of every shard (index = shard); none when free or its lease expired.
  std::vector<std::optional<std::string>> owners;
  /// Shards `self` is releasing already: no longer its own, soon free.
  std::vector<std::int64_t> releasing;
};

/// The target of each member and what `self` should do to approach its own.
struct shard_plan {
  /// Each live member (sorted by name) with the number of shards it should own.
  std::vector<std::pair<std::string, std::int64_t>> targets;
  /// Free or expired shards `self` should acquire, lowest shard first, up to its target.
  std::vector<std::int64_t> acquire;
  /// Shards `self` should release, highest first: only while over target and some other live
  /// member is short of shards that the free ones cannot cover.
  std::vector<std::int64_t> release;
};

/// Even targets: `shards / n` each, the first `shards % n` members by name one more.
std::vector<std::pair<std::string, std::int64_t>> spread(std::vector<std::string> members,
                                                         std::int64_t shards);

/// The plan of `input.self` (no moves are rate limited here; see move_budget).
shard_plan plan_shards(const plan_input& input);

}  // namespace auraos::runtime::cluster
