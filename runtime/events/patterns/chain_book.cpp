#include "runtime/events/patterns/chain_book.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {

using nlohmann::json;

void chain_book::add(const std::string& key, chain c, std::size_t per_key) {
  auto found = keys_.find(key);
  if (per_key > 0 && found != keys_.end() && found->second.size() >= per_key) take_front(key);
  if (size() >= max_chains) take_front(starts_.begin()->second);
  starts_.emplace(c.front().at_ms, key);
  keys_[key].push_back(std::move(c));
}

std::deque<chain>* chain_book::chains_of(const std::string& key) {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

void chain_book::remove(const std::string& key, std::size_t index) {
  auto it = keys_.find(key);
  if (it == keys_.end() || index >= it->second.size()) return;
  unindex(it->second[index].front().at_ms, key);
  it->second.erase(it->second.begin() + static_cast<std::ptrdiff_t>(index));
  if (it->second.empty()) keys_.erase(it);
}

std::size_t chain_book::clear(const std::string& key) {
  auto it = keys_.find(key);
  if (it == keys_.end()) return 0;
  for (const auto& c : it->second) unindex(c.front().at_ms, key);
  auto count = it->second.size();
  keys_.erase(it);
  return count;
}

std::vector<std::pair<std::string, chain>> chain_book::take_started_before(std::int64_t cutoff_ms) {
  std::vector<std::pair<std::string, chain>> taken;
  while (!starts_.empty() && starts_.begin()->first < cutoff_ms) {
    auto key = starts_.begin()->second;
    taken.emplace_back(key, take_front(key));
  }
  std::stable_sort(taken.begin(), taken.end(), [](const auto& a, const auto& b) {
    auto a_start = a.second.front().at_ms, b_start = b.second.front().at_ms;
    return a_start != b_start ? a_start < b_start : a.first < b.first;
  });
  return taken;
}

void chain_book::keep_if(const std::function<bool(const chain&)>& keep) {
  chain_book kept;
  for (auto& [key, chains] : keys_)
    for (auto& c : chains)
      if (!c.empty() && keep(c)) kept.add(key, std::move(c), 0);
  *this = std::move(kept);
}

std::optional<std::int64_t> chain_book::earliest_start() const {
  if (starts_.empty()) return std::nullopt;
  return starts_.begin()->first;
}

void chain_book::unindex(std::int64_t start, const std::string& key) {
  auto [first, last] = starts_.equal_range(start);
  auto it = std::find_if(first, last, [&](const auto& entry) { return entry.second == key; });
  if (it != last) starts_.erase(it);
}

chain chain_book::take_front(const std::string& key) {
  auto it = keys_.find(key);
  chain c = std::move(it->second.front());
  it->second.pop_front();
  if (it->second.empty()) keys_.erase(it);
  unindex(c.front().at_ms, key);
  return c;
}

json chain_book::to_json() const {
  json out = json::object();
  for (const auto& [key, chains] : keys_) {
    json list = json::array();
    for (const auto& c : chains) list.push_back(chain_json(c));
    out[key] = std::move(list);
  }
  return out;
}

std::optional<chain_book> chain_book::from_json(const json& value) {
  if (!value.is_object()) return std::nullopt;
  std::vector<std::pair<std::string, chain>> chains;
  for (const auto& [key, list] : value.items()) {
    if (!list.is_array()) return std::nullopt;
    for (const auto& item : list) {
      auto c = chain_from_json(item);
      if (!c) return std::nullopt;
      chains.emplace_back(key, std::move(*c));
    }
  }
  std::stable_sort(chains.begin(), chains.end(), [](const auto& a, const auto& b) {
    return a.second.front().at_ms < b.second.front().at_ms;
  });
  chain_book book;
  for (auto& [key, c] : chains) book.add(key, std::move(c), 0);
  return book;
}

}  // namespace auraos::runtime::events::patterns
