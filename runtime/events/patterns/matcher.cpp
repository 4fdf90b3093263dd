#include "runtime/events/patterns/matcher.hpp"

#include <type_traits>

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {
namespace {

using shapes = decltype(rule::shape);
static_assert(std::variant_size_v<shapes> == std::variant_size_v<matcher>);

/// The position of `Shape` among the rule's shapes (the matchers are in the same order).
template <class Shape, std::size_t I = 0>
constexpr std::size_t shape_index() {
  if constexpr (std::is_same_v<std::variant_alternative_t<I, shapes>, Shape>)
    return I;
  else
    return shape_index<Shape, I + 1>();
}

/// The matcher of a rule shape.
template <class Shape>
using matcher_for = std::variant_alternative_t<shape_index<Shape>(), matcher>;

}  // namespace

matcher make_matcher(const rule& r) {
  return std::visit(
      [](const auto& shape) -> matcher {
        return matcher_for<std::decay_t<decltype(shape)>>{shape};
      },
      r.shape);
}

result<matcher, std::string> restore_matcher(const rule& r, const nlohmann::json& state) {
  return std::visit(
      [&](const auto& shape) -> result<matcher, std::string> {
        auto restored = matcher_for<std::decay_t<decltype(shape)>>::from_json(shape, state);
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
