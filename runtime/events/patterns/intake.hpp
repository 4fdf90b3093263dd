#pragma once
// What every matcher keeps besides its partial matches: its clock (never going back) and the ids
// of the events it used lately, so a duplicate or a replay after a restart is not used twice
// (internal to the matchers).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace auraos::runtime::events::patterns {

/// The matcher's time and its recently used event ids.
class intake {
 public:
  /// How many used ids are remembered (the oldest is forgotten first).
  static constexpr std::size_t recent_cap = 64;

  /// The time to use for `now_ms`: the latest time seen so far when `now_ms` is earlier.
  std::int64_t advance(std::int64_t now_ms);
  /// True when the event `id` was used lately.
  bool used(const std::string& id) const;
  /// Records that the event `id` was used.
  void remember(const std::string& id);

  /// `{"latestMs": n or null, "recent": [ids]}`.
  nlohmann::json to_json() const;
  /// The intake written by `to_json`; nullopt for anything else.
  static std::optional<intake> from_json(const nlohmann::json& value);

 private:
  std::optional<std::int64_t> latest_ms_;
  std::deque<std::string> recent_;
};

}  // namespace auraos::runtime::events::patterns
