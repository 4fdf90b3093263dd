// libFuzzer target: parses and evaluates arbitrary bytes as an expression and as a template.

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/expr/expression.hpp"
#include "runtime/expr/json_template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace auraos::runtime::expr;
  static const nlohmann::json scope = nlohmann::json::parse(
      R"({"input": {"a": 5, "s": "ada", "l": [1, 2.5, "x"], "m": {"k": null}}})");
  std::string source(reinterpret_cast<const char*>(data), size);
  evaluation_options options;
  options.bounds.max_steps = 10000;
  if (auto parsed = expression::parse(source)) {
    (void)parsed->evaluate(scope, options);
  } else {
    (void)parsed.error().describe();
  }
  if (auto templ = json_template::parse(nlohmann::json{{"v", source}}))
    (void)templ->render(scope, options);
  return 0;
}
