#include "persistence/postgres/params.hpp"

#include <utility>

namespace auraos::persistence::postgres {

params& params::push(std::optional<std::string> value, int format) {
  lengths_.push_back(value ? static_cast<int>(value->size()) : 0);
  formats_.push_back(format);
  values_.push_back(std::move(value));
  return *this;
}

params& params::add(std::string value) {
  return push(std::move(value), 0);
}

params& params::add(const std::optional<std::string>& value) {
  return push(value, 0);
}

params& params::add(std::optional<std::int64_t> value) {
  if (!value) return push(std::nullopt, 0);
  return push(std::to_string(*value), 0);
}

params& params::add_bytes(std::string bytes) {
  return push(std::move(bytes), 1);
}

std::vector<const char*> params::values() const {
  std::vector<const char*> pointers;
  pointers.reserve(values_.size());
  for (const auto& value : values_) pointers.push_back(value ? value->data() : nullptr);
  return pointers;
}

}  // namespace auraos::persistence::postgres
