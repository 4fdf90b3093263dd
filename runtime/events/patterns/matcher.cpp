#include "runtime/events/patterns/matcher.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {
namespace {

/// The matcher type of a rule shape.
template <class Shape>
struct matcher_of;
template <>
struct matcher_of<sequence_rule> {
  using type = sequence_matcher;
};
template <>
struct matcher_of<absence_rule> {
  using type = absence_matcher;
};
template <>
struct matcher_of<threshold_rule> {
  using type = threshold_matcher;
};
template <>
struct matcher_of<rate_rule> {
  using type = rate_matcher;
};

}  // namespace

matcher make_matcher(const rule& r) {
  return std::visit(
      [](const auto& shape) -> matcher {
        return typename matcher_of<std::decay_t<decltype(shape)>>::type{shape};
      },
      r.shape);
}

result<matcher, std::string> restore_matcher(const rule& r, const nlohmann::json& state) {
  return std::visit(
      [&](const auto& shape) -> result<matcher, std::string> {
        auto restored = matcher_of<std::decay_t<decltype(shape)>>::type::from_json(shape, state);
        if (!restored) return fail(std::move(restored).error());
        return matcher{std::move(restored).value()};
      },
      r.shape);
}

std::vector<match> on_event(matcher& m, const event& e, std::int64_t now_ms) {
  return std::visit([&](auto& one) { return one.on_event(e, now_ms); }, m);
}

std::vector<match> on_time(matcher& m, std::int64_t now_ms) {
  return std::visit([&](auto& one) { return one.on_time(now_ms); }, m);
}

std::optional<std::int64_t> next_deadline(const matcher& m) {
  return std::visit([](const auto& one) { return one.next_deadline(); }, m);
}

nlohmann::json state_json(const matcher& m) {
  return std::visit([](const auto& one) { return one.to_json(); }, m);
}

}  // namespace auraos::runtime::events::patterns
