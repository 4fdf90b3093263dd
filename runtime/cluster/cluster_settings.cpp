#include "runtime/cluster/cluster_settings.hpp"

#include "runtime/node_config.hpp"

namespace auraos::runtime::cluster {

bool clustered(const cluster_settings& settings) {
  return settings.listen.has_value();
}

bool uses_tls(const cluster_settings& settings) {
  return !settings.cert_file.empty() && !settings.key_file.empty() && !settings.ca_file.empty();
}

std::optional<host_port> advertised_address(const cluster_settings& settings) {
  return settings.advertise ? settings.advertise : settings.listen;
}

std::string to_string(const host_port& address) {
  bool v6 = address.host.find(':') != std::string::npos;
  return (v6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

result<host_port, std::string> parse_host_port(const std::string& text, std::string_view flag) {
  auto parsed = parse_listen_address(text, flag);
  if (!parsed) return fail(parsed.error());
  return host_port{parsed->first, parsed->second};
}

cluster_settings with_defaults(cluster_settings settings, std::string_view host_name) {
  if (!settings.listen) return settings;
  if (!settings.advertise) settings.advertise = settings.listen;
  if (settings.node_name.empty())
    settings.node_name = std::string(host_name) + ":" + std::to_string(settings.listen->port);
  return settings;
}

}  // namespace auraos::runtime::cluster
