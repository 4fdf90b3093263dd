#include "gateway/websocket_stream.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace auraos::gateway {

namespace {

/// True when the comma-separated header value `list` holds `token` (case-insensitive).
bool lists_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    auto comma = list.find(',');
    auto item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front())))
      item.remove_prefix(1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back())))
      item.remove_suffix(1);
    if (item.size() == token.size() &&
        std::equal(item.begin(), item.end(), token.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return true;
  }
  return false;
}

}  // namespace

bool wants_websocket(const http_request& request) {
  auto upgrade = request.headers.get("Upgrade");
  auto connection = request.headers.get("Connection");
  return request.method == "GET" && upgrade && connection && lists_token(*upgrade, "websocket") &&
         lists_token(*connection, "upgrade");
}

std::shared_ptr<stream_writer> open_websocket_stream(
    const responder& respond, std::size_t capacity,
    std::function<void(const std::shared_ptr<stream_writer>&)> prepare) {
  http_response head;
  head.status = 101;
  stream_options options;
  options.capacity = capacity;
  options.websocket = true;
  options.prepare = std::move(prepare);
  return respond.stream(std::move(head), options);
}

}  // namespace auraos::gateway
