// The size guard: counts string bytes and elements of a value without recursion.

#include <vector>

#include "runtime/expr/operators.hpp"

namespace auraos::runtime::expr {

result<bool, std::string> check_size(const nlohmann::json& value, std::size_t max_size) {
  std::size_t total = 0;
  std::vector<const nlohmann::json*> pending{&value};
  while (!pending.empty() && total <= max_size) {
    const nlohmann::json* next = pending.back();
    pending.pop_back();
    if (next->is_string()) total += next->get_ref<const std::string&>().size();
    if (next->is_object()) {
      for (auto it = next->begin(); it != next->end(); ++it) total += it.key().size();
    }
    if (!next->is_array() && !next->is_object()) continue;
    total += next->size();
    if (total > max_size) break;
    for (const auto& item : *next) pending.push_back(&item);
  }
  if (total > max_size)
    return fail("value larger than " + std::to_string(max_size) + " bytes and elements");
  return true;
}

}  // namespace auraos::runtime::expr
