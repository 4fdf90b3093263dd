#pragma once
// A node's cluster address as text ("HOST:PORT", "[V6]:PORT") and its parts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace auraos::cluster {

/// The host and port of a cluster address.
struct host_port {
  std::string host;    ///< A name or IP address, without brackets.
  std::uint16_t port;  ///< 1..65535.
};

/// The parts of "HOST:PORT" or "[V6]:PORT"; none when malformed or the port is not 1..65535.
std::optional<host_port> parse_address(std::string_view address);

}  // namespace auraos::cluster
