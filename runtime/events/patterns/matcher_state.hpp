#pragma once
// The stored form of a matcher's state: `{"kind", "version", "intake", ...}`, and the state the
// sequence, absence and threshold matchers share (internal to the matchers).

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/patterns/chain_book.hpp"
#include "runtime/events/patterns/intake.hpp"
#include "runtime/events/patterns/rule.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// The version of the stored state this code writes and reads.
inline constexpr int state_version = 1;

/// `{"kind": kind_name(kind), "version": state_version, "intake": in.to_json()}`.
nlohmann::json state_envelope(pattern_kind kind, const intake& in);

/// The intake of a state written by `state_envelope` for `kind`; an error names what is wrong.
result<intake, std::string> open_envelope(pattern_kind kind, const nlohmann::json& state);

/// The state of a matcher that keeps chains: its intake and its partial matches.
struct chain_state {
  intake in;        ///< Clock and recently used ids.
  chain_book book;  ///< Partial matches by key.

  /// The envelope plus `"chains": book.to_json()`.
  nlohmann::json to_json(pattern_kind kind) const;
  /// The state written by `to_json` for `kind`; an error names what is wrong.
  static result<chain_state, std::string> from_json(pattern_kind kind, const nlohmann::json& state);
};

}  // namespace auraos::runtime::events::patterns
