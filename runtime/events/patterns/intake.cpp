#include "runtime/events/patterns/intake.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {

using nlohmann::json;

std::int64_t intake::advance(std::int64_t now_ms) {
  latest_ms_ = latest_ms_ ? std::max(*latest_ms_, now_ms) : now_ms;
  return *latest_ms_;
}

bool intake::used(const std::string& id) const {
  return !id.empty() && std::find(recent_.begin(), recent_.end(), id) != recent_.end();
}

void intake::remember(const std::string& id) {
  if (id.empty() || used(id)) return;
  recent_.push_back(id);
  if (recent_.size() > recent_cap) recent_.pop_front();
}

json intake::to_json() const {
  return {{"latestMs", latest_ms_ ? json(*latest_ms_) : json()},
          {"recent", json(std::vector<std::string>(recent_.begin(), recent_.end()))}};
}

std::optional<intake> intake::from_json(const json& value) {
  if (!value.is_object()) return std::nullopt;
  auto latest = value.find("latestMs");
  auto recent = value.find("recent");
  if (latest == value.end() || recent == value.end() || !recent->is_array()) return std::nullopt;
  if (!latest->is_null() && !latest->is_number_integer()) return std::nullopt;
  intake out;
  if (latest->is_number_integer()) out.latest_ms_ = latest->get<std::int64_t>();
  for (const auto& id : *recent) {
    if (!id.is_string()) return std::nullopt;
    out.remember(id.get<std::string>());
  }
  return out;
}

}  // namespace auraos::runtime::events::patterns
