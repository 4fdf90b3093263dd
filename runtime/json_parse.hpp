#pragma once
// The one way JSON text becomes a JSON value, from any source: CLI arguments and files,
// definitions, config, request bodies, stored rows, handler outputs.

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/result.hpp"

namespace auraos::runtime {

/// Deepest nesting of arrays and objects accepted from outside (checked before parsing).
inline constexpr std::size_t max_json_depth = 64;

/// Deepest nesting accepted in JSON the runtime wrote itself (history records, stored rows): the
/// runtime wraps values of up to max_json_depth levels in outputs and errors of its own.
inline constexpr std::size_t max_stored_json_depth = 1024;

/// Why a JSON text was refused, and where (1-based line and byte column).
struct json_parse_error {
  /// What is wrong, e.g. "number out of range: 1e999"; always valid UTF-8.
  std::string problem;
  /// Line of the offending byte.
  std::size_t line = 1;
  /// Column (in bytes) of the offending byte.
  std::size_t column = 1;
  /// "line L, column C: problem".
  std::string to_string() const;
};

/// Parses `text` as one JSON value. Refuses (never throws, never recurses deeply) malformed
/// text, invalid UTF-8, numbers outside the range of a double and nesting deeper than
/// `max_depth`.
result<nlohmann::json, json_parse_error> parse_json(std::string_view text,
                                                    std::size_t max_depth = max_json_depth);

/// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view bytes);

/// True when `bytes` is valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// Compact JSON text of `value`; invalid UTF-8 in strings becomes U+FFFD instead of throwing.
std::string dump_json(const nlohmann::json& value, int indent = -1);

}  // namespace auraos::runtime
