// Masking secret values in texts and JSON values.
#include "runtime/secrets/masking.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace auraos::runtime::secrets {

secret_set::secret_set(std::vector<std::string> values) {
  for (auto& value : values) add(std::move(value));
}

void secret_set::add(std::string value) {
  if (value.empty() || std::find(values_.begin(), values_.end(), value) != values_.end()) return;
  values_.push_back(std::move(value));
  sort();
}

void secret_set::sort() {
  std::stable_sort(values_.begin(), values_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string secret_set::masked(std::string_view text) const {
  std::string out{text};
  for (const auto& value : values_) {
    std::string next;
    std::size_t from = 0;
    for (auto at = out.find(value); at != std::string::npos; at = out.find(value, from)) {
      next.append(out, from, at - from).append(mask);
      from = at + value.size();
    }
    if (from == 0) continue;
    next.append(out, from, std::string::npos);
    out = std::move(next);
  }
  return out;
}

nlohmann::json secret_set::masked_json(const nlohmann::json& value) const {
  if (values_.empty()) return value;
  if (value.is_string()) return masked(value.get_ref<const std::string&>());
  if (value.is_array()) {
    auto out = nlohmann::json::array();
    for (const auto& item : value) out.push_back(masked_json(item));
    return out;
  }
  if (!value.is_object()) return value;
  auto out = nlohmann::json::object();
  for (const auto& [key, item] : value.items()) out[masked(key)] = masked_json(item);
  return out;
}

bool secret_set::occurs_in(std::string_view text) const {
  return std::any_of(values_.begin(), values_.end(), [text](const std::string& value) {
    return text.find(value) != std::string_view::npos;
  });
}

}  // namespace auraos::runtime::secrets
