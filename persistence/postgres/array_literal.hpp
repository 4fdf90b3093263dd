#pragma once
// PostgreSQL array literals ('{"a","b"}') for array parameters sent in text format.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace auraos::persistence::postgres {

/// The columns of a set-based call, one element per row, before they become array literals.
using texts = std::vector<std::string>;
/// A column of text that may be NULL.
using optional_texts = std::vector<std::optional<std::string>>;
/// A column of bigint.
using integers = std::vector<std::int64_t>;
/// A column of bigint that may be NULL.
using optional_integers = std::vector<std::optional<std::int64_t>>;

/// A text[] literal: every element quoted, `"` and `\` escaped.
std::string text_array(const std::vector<std::string>& values);

/// A text[] literal whose absent elements are NULL.
std::string optional_text_array(const std::vector<std::optional<std::string>>& values);

/// A bigint[] literal.
std::string integer_array(const std::vector<std::int64_t>& values);

/// A bigint[] literal whose absent elements are NULL.
std::string optional_integer_array(const std::vector<std::optional<std::int64_t>>& values);

/// A bytea[] literal: every element in hex form (`\x0aff`).
std::string bytea_array(const std::vector<std::string>& values);

}  // namespace auraos::persistence::postgres
