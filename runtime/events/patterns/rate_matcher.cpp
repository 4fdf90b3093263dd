#include "runtime/events/patterns/rate_matcher.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/events/patterns/event_probe.hpp"
#include "runtime/events/patterns/matcher_state.hpp"
#include "runtime/events/patterns/rate_figures.hpp"

namespace auraos::runtime::events::patterns {

using nlohmann::json;

rate_matcher::rate_matcher(rate_rule rule)
    : rule_(std::move(rule)), window_ms_(to_ms(rule_.window_seconds)) {}

std::vector<match> rate_matcher::on_event(const event& e, std::int64_t now_ms) {
  if (in_.used(e.id)) return {};
  auto now = in_.advance(now_ms);
  std::vector<match> out;
  if (window_) advance_to(window_of(now, window_ms_), out);
  if (e.type != rule_.match.type) return out;
  event_probe probe{e, now};
  if (probe.matches(rule_.match)) count(e, now);
  return out;
}

std::vector<match> rate_matcher::on_time(std::int64_t now_ms) {
  auto now = in_.advance(now_ms);
  std::vector<match> out;
  if (window_) advance_to(window_of(now, window_ms_), out);
  return out;
}

std::optional<std::int64_t> rate_matcher::next_deadline() const {
  if (!window_ || idle()) return std::nullopt;
  return (*window_ + 1) * window_ms_;
}

void rate_matcher::count(const event& e, std::int64_t now) {
  if (!window_) window_ = window_of(now, window_ms_);
  ++count_;
  auto seen = seen_of(e, now);
  shared_ = shared_ && (last_.empty() || seen.correlation_id == last_.front().correlation_id);
  last_.push_back(std::move(seen));
  if (last_.size() > matched_cap) last_.erase(last_.begin());
  in_.remember(e.id);
}

void rate_matcher::advance_to(std::int64_t window, std::vector<match>& out) {
  while (*window_ < window) {
    close_window(out);
    ++*window_;
    if (!idle()) continue;
    auto skipped = static_cast<std::size_t>(std::min<std::int64_t>(window - *window_, history_cap));
    history_.insert(history_.end(), skipped, 0);
    while (history_.size() > history_cap) history_.pop_front();
    window_ = window;
  }
}

void rate_matcher::close_window(std::vector<match>& out) {
  if (history_.size() >= min_history) {
    auto figures = figures_of(history_, count_);
    if (is_outlier(figures, rule_.deviations)) {
      auto m = chain_match(last_, {}, false, (*window_ + 1) * window_ms_);
      if (!shared_) m.correlation_id.reset();
      m.figures = figures;
      out.push_back(std::move(m));
    }
  }
  history_.push_back(count_);
  if (history_.size() > history_cap) history_.pop_front();
  count_ = 0;
  last_.clear();
  shared_ = true;
}

bool rate_matcher::idle() const {
  return count_ == 0 &&
         std::all_of(history_.begin(), history_.end(), [](auto n) { return n == 0; });
}

json rate_matcher::to_json() const {
  auto out = state_envelope(pattern_kind::rate, in_);
  out["windowMs"] = window_ms_;
  out["window"] = window_ ? json(*window_) : json();
  out["count"] = count_;
  out["last"] = chain_json(last_);
  out["shared"] = shared_;
  out["history"] = json(std::vector<std::int64_t>(history_.begin(), history_.end()));
  return out;
}

result<rate_matcher, std::string> rate_matcher::from_json(rate_rule rule, const json& state) {
  auto in = open_envelope(pattern_kind::rate, state);
  if (!in) return fail(std::move(in).error());
  rate_matcher out{std::move(rule)};
  out.in_ = std::move(in).value();
  if (state.value("windowMs", json()) != out.window_ms_) return out;
  const auto& window = state.value("window", json());
  const auto& last = state.value("last", json());
  const auto& history = state.value("history", json());
  bool ok = (window.is_null() || window.is_number_integer()) &&
            state.value("count", json()).is_number_integer() && last.is_array() &&
            state.value("shared", json()).is_boolean() && history.is_array() &&
            std::all_of(history.begin(), history.end(),
                        [](const json& n) { return n.is_number_integer(); });
  auto events = last.empty() ? std::optional<chain>(chain{}) : chain_from_json(last);
  if (!ok || !events) return fail(std::string{"pattern state: rate window is malformed"});
  if (window.is_number_integer()) out.window_ = window.get<std::int64_t>();
  out.count_ = state["count"].get<std::int64_t>();
  out.last_ = std::move(*events);
  out.shared_ = state["shared"].get<bool>();
  for (const auto& n : history) out.history_.push_back(n.get<std::int64_t>());
  while (out.history_.size() > history_cap) out.history_.pop_front();
  return out;
}

}  // namespace auraos::runtime::events::patterns
