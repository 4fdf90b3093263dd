#include "runtime/events/patterns/chain_book.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {

using nlohmann::json;

void chain_book::add(const std::string& key, chain c, std::size_t per_key) {
  auto& chains = keys_[key];
  if (per_key > 0 && chains.size() >= per_key) {
    chains.pop_front();
    --size_;
  }
  if (size_ >= max_chains) drop_oldest();
  keys_[key].push_back(std::move(c));
  ++size_;
}

std::deque<chain>* chain_book::chains_of(const std::string& key) {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

void chain_book::remove(const std::string& key, std::size_t index) {
  auto it = keys_.find(key);
  if (it == keys_.end() || index >= it->second.size()) return;
  it->second.erase(it->second.begin() + static_cast<std::ptrdiff_t>(index));
  --size_;
  if (it->second.empty()) keys_.erase(it);
}

std::size_t chain_book::clear(const std::string& key) {
  auto it = keys_.find(key);
  if (it == keys_.end()) return 0;
  auto count = it->second.size();
  size_ -= count;
  keys_.erase(it);
  return count;
}

std::vector<std::pair<std::string, chain>> chain_book::take_started_before(std::int64_t cutoff_ms) {
  std::vector<std::pair<std::string, chain>> taken;
  for (auto it = keys_.begin(); it != keys_.end();) {
    auto& chains = it->second;
    while (!chains.empty() && chains.front().front().at_ms < cutoff_ms) {
      taken.emplace_back(it->first, std::move(chains.front()));
      chains.pop_front();
      --size_;
    }
    it = chains.empty() ? keys_.erase(it) : std::next(it);
  }
  std::stable_sort(taken.begin(), taken.end(), [](const auto& a, const auto& b) {
    return a.second.front().at_ms < b.second.front().at_ms;
  });
  return taken;
}

void chain_book::keep_if(const std::function<bool(const chain&)>& keep) {
  for (auto it = keys_.begin(); it != keys_.end();) {
    auto& chains = it->second;
    auto before = chains.size();
    chains.erase(
        std::remove_if(chains.begin(), chains.end(), [&](const chain& c) { return !keep(c); }),
        chains.end());
    size_ -= before - chains.size();
    it = chains.empty() ? keys_.erase(it) : std::next(it);
  }
}

std::optional<std::int64_t> chain_book::earliest_start() const {
  std::optional<std::int64_t> earliest;
  for (const auto& [key, chains] : keys_)
    if (!chains.empty() && (!earliest || chains.front().front().at_ms < *earliest))
      earliest = chains.front().front().at_ms;
  return earliest;
}

void chain_book::drop_oldest() {
  auto oldest = keys_.end();
  for (auto it = keys_.begin(); it != keys_.end(); ++it)
    if (!it->second.empty() && (oldest == keys_.end() || it->second.front().front().at_ms <
                                                             oldest->second.front().front().at_ms))
      oldest = it;
  if (oldest != keys_.end()) remove(oldest->first, 0);
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
  chain_book book;
  for (const auto& [key, list] : value.items()) {
    if (!list.is_array()) return std::nullopt;
    for (const auto& item : list) {
      auto c = chain_from_json(item);
      if (!c) return std::nullopt;
      book.add(key, std::move(*c), 0);
    }
  }
  return book;
}

}  // namespace auraos::runtime::events::patterns
