// matches(): RE2, linear time; a bad pattern is an evaluation error.

#include <re2/re2.h>

#include <nlohmann/json.hpp>

#include "runtime/expr/functions.hpp"
#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {

value_result regex_matches(const nlohmann::json& text, const nlohmann::json& pattern) {
  if (!text.is_string() || !pattern.is_string()) {
    return fail("no such overload: matches(" + std::string(kind_name(text)) + ", " +
                kind_name(pattern) + ")");
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  RE2 regex(pattern.get_ref<const std::string&>(), options);
  if (!regex.ok())
    return fail("invalid regular expression '" + pattern.get<std::string>() +
                "': " + regex.error());
  return nlohmann::json(RE2::PartialMatch(text.get_ref<const std::string&>(), regex));
}

}  // namespace auraos::runtime::expr
