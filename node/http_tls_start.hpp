#pragma once
// The HTTPS certificate of `auraos serve`: loaded before anything starts (a bad file stops the
// node with a line naming it), and read again at SIGHUP (a bad file keeps the old one).

#include <memory>
#include <string>

#include "gateway/tls_identity.hpp"
#include "runtime/node_config.hpp"
#include "runtime/result.hpp"

namespace auraos::node {

/// The certificate of `config.http_tls` (null when the node serves plain HTTP), or an error
/// naming the file.
result<std::shared_ptr<gateway::tls_identity>, std::string> load_http_tls(
    const runtime::node_config& config);

/// Reads the files of `tls` again (at SIGHUP): logs the new certificate, or an error and that
/// the old one stays.
void reload_http_tls(gateway::tls_identity& tls);

}  // namespace auraos::node
