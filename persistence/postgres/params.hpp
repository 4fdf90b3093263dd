#pragma once
// The parameters of one statement, in the form libpq takes them (text, bytes in binary).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace auraos::persistence::postgres {

/// Parameter values $1, $2, ... of a prepared statement; NULL for an empty optional.
class params {
 public:
  /// Appends a text value.
  params& add(std::string value);
  /// Appends an integer value.
  params& add(std::int64_t value) { return add(std::to_string(value)); }
  /// Appends a text value or NULL.
  params& add(const std::optional<std::string>& value);
  /// Appends an integer value or NULL.
  params& add(std::optional<std::int64_t> value);
  /// Appends raw bytes for a BYTEA parameter (sent in binary format).
  params& add_bytes(std::string bytes);

  /// The number of parameters.
  int size() const noexcept { return static_cast<int>(values_.size()); }
  /// Value pointers (null for NULL), valid while this object lives unchanged.
  std::vector<const char*> values() const;
  /// Byte lengths (used by libpq for binary parameters).
  const std::vector<int>& lengths() const noexcept { return lengths_; }
  /// 0 for text, 1 for binary, per parameter.
  const std::vector<int>& formats() const noexcept { return formats_; }

 private:
  params& push(std::optional<std::string> value, int format);

  std::vector<std::optional<std::string>> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

}  // namespace auraos::persistence::postgres
