#include <array>
#include <utility>

#include "runtime/enum_names.hpp"

#include "runtime/engine/state.hpp"

namespace auraos::runtime::engine {
namespace {

constexpr std::array<std::pair<node_status, std::string_view>, 8> node_names{{
    {node_status::pending, "pending"},
    {node_status::running, "running"},
    {node_status::waiting, "waiting"},
    {node_status::retrying, "retrying"},
    {node_status::completed, "completed"},
    {node_status::failed, "failed"},
    {node_status::skipped, "skipped"},
    {node_status::cancelled, "cancelled"},
}};

constexpr std::array<std::pair<execution_status, std::string_view>, 7> execution_names{{
    {execution_status::pending, "pending"},
    {execution_status::running, "running"},
    {execution_status::paused, "paused"},
    {execution_status::completed, "completed"},
    {execution_status::failed, "failed"},
    {execution_status::cancelled, "cancelled"},
    {execution_status::timed_out, "timed_out"},
}};

}  // namespace

bool is_terminal(node_status status) {
  return status == node_status::completed || status == node_status::failed ||
         status == node_status::skipped || status == node_status::cancelled;
}

bool is_finished(execution_status status) {
  return status == execution_status::completed || status == execution_status::failed ||
         status == execution_status::cancelled || status == execution_status::timed_out;
}

std::string_view to_string(node_status status) {
  return name_of(node_names, status);
}

std::string_view to_string(execution_status status) {
  return name_of(execution_names, status);
}

std::optional<node_status> parse_node_status(std::string_view text) {
  return key_of<node_status>(node_names, text);
}

std::optional<execution_status> parse_execution_status(std::string_view text) {
  return key_of<execution_status>(execution_names, text);
}

}  // namespace auraos::runtime::engine
