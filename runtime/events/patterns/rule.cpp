#include "runtime/events/patterns/rule.hpp"

#include <array>
#include <cmath>
#include <utility>

#include "runtime/enum_names.hpp"

namespace auraos::runtime::events::patterns {
namespace {

constexpr std::array<std::pair<pattern_kind, std::string_view>, 4> kind_names{{
    {pattern_kind::sequence, "sequence"},
    {pattern_kind::absence, "absence"},
    {pattern_kind::threshold, "threshold"},
    {pattern_kind::rate, "rate"},
}};

}  // namespace

std::string_view kind_name(pattern_kind kind) {
  return name_of(kind_names, kind);
}

std::int64_t to_ms(double seconds) {
  auto ms = static_cast<std::int64_t>(std::llround(seconds * 1000));
  return seconds > 0 && ms < 1 ? 1 : ms;
}

}  // namespace auraos::runtime::events::patterns
