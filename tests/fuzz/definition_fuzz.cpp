// libFuzzer target: any bytes given to parse_workflow end in a workflow or well-formed errors.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "runtime/definition/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text{reinterpret_cast<const char*>(data), size};
  auto parsed = auraos::runtime::definition::parse_workflow(text);
  if (!parsed && parsed.error().empty()) std::abort();
  if (!parsed)
    for (const auto& error : parsed.error())
      if (error.message.empty()) std::abort();
  return 0;
}
