#pragma once
// The partial matches of a matcher, per `by` key, oldest first, with caps that bound memory
// (internal to the matchers).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/patterns/seen_event.hpp"

namespace auraos::runtime::events::patterns {

/// Chains (partial matches) by key; a chain's start is its first event's time. A key's chains
/// are in start order (the matchers add them at non-decreasing times); an index of the starts
/// makes finding the expired and the oldest chains cost O(log n) each.
class chain_book {
 public:
  /// Most chains a book holds, all keys together (the oldest is dropped first).
  static constexpr std::size_t max_chains = 10000;

  /// Adds `c` last under `key`; first drops that key's oldest chain when it holds `per_key`,
  /// and the oldest chain of all when the book holds `max_chains`.
  void add(const std::string& key, chain c, std::size_t per_key);
  /// The chains of `key`, oldest first; null when none. Chains may grow through it; adding or
  /// removing chains goes through the book.
  std::deque<chain>* chains_of(const std::string& key);
  /// Removes the chain at `index` of `key`.
  void remove(const std::string& key, std::size_t index);
  /// Removes every chain of `key`; returns how many there were.
  std::size_t clear(const std::string& key);
  /// Removes the chains that started before `cutoff_ms` and returns them with their keys, by
  /// start (then key, then age).
  std::vector<std::pair<std::string, chain>> take_started_before(std::int64_t cutoff_ms);
  /// Keeps only the chains for which `keep` is true.
  void keep_if(const std::function<bool(const chain&)>& keep);
  /// The start of the oldest chain; nullopt when empty.
  std::optional<std::int64_t> earliest_start() const;
  /// The number of chains.
  std::size_t size() const { return starts_.size(); }

  /// `{key: [chain_json...]}`.
  nlohmann::json to_json() const;
  /// The book written by `to_json`; nullopt for anything else.
  static std::optional<chain_book> from_json(const nlohmann::json& value);

 private:
  void unindex(std::int64_t start, const std::string& key);
  chain take_front(const std::string& key);
  std::map<std::string, std::deque<chain>> keys_;
  std::multimap<std::int64_t, std::string> starts_;  // one entry per chain: start -> key
};

}  // namespace auraos::runtime::events::patterns
