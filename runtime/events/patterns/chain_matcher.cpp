#include "runtime/events/patterns/chain_matcher.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {

chain_matcher::chain_matcher(pattern_kind kind, double within_seconds)
    : kind_(kind), within_ms_(to_ms(within_seconds)) {}

std::optional<std::int64_t> chain_matcher::next_deadline() const {
  auto start = state_.book.earliest_start();
  if (!start) return std::nullopt;
  return *start + within_ms_ + 1;
}

std::vector<match> chain_matcher::on_time(std::int64_t now_ms) {
  expire(state_.in.advance(now_ms));
  return {};
}

nlohmann::json chain_matcher::to_json() const {
  return state_.to_json(kind_);
}

std::optional<std::int64_t> chain_matcher::admit(const event& e, std::int64_t now_ms) {
  if (state_.in.used(e.id)) return std::nullopt;
  return state_.in.advance(now_ms);
}

std::vector<std::pair<std::string, chain>> chain_matcher::expire(std::int64_t now) {
  return state_.book.take_started_before(now - within_ms_);
}

std::optional<std::string> chain_matcher::restore(const nlohmann::json& state,
                                                  const std::function<bool(const chain&)>& keep) {
  auto restored = chain_state::from_json(kind_, state);
  if (!restored) return std::move(restored).error();
  state_ = std::move(restored).value();
  state_.book.keep_if(keep);
  return std::nullopt;
}

}  // namespace auraos::runtime::events::patterns
