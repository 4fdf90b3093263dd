// Loading and reloading the HTTPS certificate, with its log lines.

#include "node/http_tls_start.hpp"

#include <spdlog/spdlog.h>

namespace auraos::node {
namespace {

void log_certificate(const char* what, const gateway::tls_certificate& cert) {
  spdlog::info("tls: {} {} (SHA-256 {}, valid until {})", what, cert.subject, cert.fingerprint,
               cert.not_after);
  if (cert.expired)
    spdlog::warn("tls: the certificate {} expired on {}: clients will refuse it", cert.subject,
                 cert.not_after);
}

}  // namespace

result<std::shared_ptr<gateway::tls_identity>, std::string> load_http_tls(
    const runtime::node_config& config) {
  if (!config.http_tls.enabled()) return std::shared_ptr<gateway::tls_identity>{};
  auto loaded = gateway::tls_identity::load(config.http_tls.cert_file, config.http_tls.key_file);
  if (!loaded) return fail(loaded.error());
  log_certificate("serving the certificate", (*loaded)->current());
  return *loaded;
}

void reload_http_tls(gateway::tls_identity& tls) {
  auto next = tls.reload();
  if (!next) {
    spdlog::error("tls: SIGHUP: {}; still serving the certificate {}", next.error(),
                  tls.current().fingerprint);
    return;
  }
  log_certificate("SIGHUP: new connections get the certificate", *next);
}

}  // namespace auraos::node
