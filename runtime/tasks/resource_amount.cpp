#include "runtime/tasks/resource_amount.hpp"

#include <cmath>

namespace auraos::runtime::tasks {

amount to_amount(double units) {
  if (!(units > 0)) return 0;
  return static_cast<amount>(std::llround(units * 1000));
}

resource_amounts to_amounts(const std::map<std::string, double, std::less<>>& units) {
  resource_amounts out;
  for (const auto& [name, value] : units) out.emplace(name, to_amount(value));
  return out;
}

std::string format_amount(amount value) {
  std::string text = std::to_string(value / 1000);
  auto rest = value % 1000;
  if (rest == 0) return text;
  if (value < 0 && value > -1000) text = "-" + text;
  std::string decimals = std::to_string(1000 + std::llabs(rest)).substr(1);
  while (decimals.back() == '0') decimals.pop_back();
  return text + "." + decimals;
}

}  // namespace auraos::runtime::tasks
