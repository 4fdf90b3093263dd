#include "runtime/handlers/work_result.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::handlers {

work_result work_succeeded(nlohmann::json output) {
  return {true, std::make_shared<const nlohmann::json>(std::move(output)), {}};
}

work_result work_failed(work_error error, nlohmann::json output) {
  return {false, std::make_shared<const nlohmann::json>(std::move(output)), std::move(error)};
}

work_result work_failed(work_error error) {
  return {false, nullptr, std::move(error)};
}

}  // namespace auraos::runtime::handlers
