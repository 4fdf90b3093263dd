#pragma once
// The files of the REST API's TLS (docs/security.md, TLS): a PEM certificate chain and its
// private key, from `--tls-cert`/`--tls-key` or the config keys `tlsCert`/`tlsKey`.

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/result.hpp"

namespace auraos::runtime::security {

/// Where the HTTPS certificate and key are; both empty: plain HTTP.
struct http_tls {
  std::string cert_file;  ///< PEM certificate, then any intermediates (`--tls-cert`).
  std::string key_file;   ///< PEM private key of the certificate (`--tls-key`).
  /// True when the node serves HTTPS.
  bool enabled() const { return !cert_file.empty() || !key_file.empty(); }
};

/// Why `tls` cannot be used (one file without the other), or nullopt.
std::optional<std::string> tls_pair_refusal(const http_tls& tls);

/// Applies the top-level config key `key`: none when it is neither `tlsCert` nor `tlsKey`,
/// else success or an error naming the key.
std::optional<result<bool, std::string>> apply_tls_key(http_tls& tls, const std::string& key,
                                                       const nlohmann::json& value);

}  // namespace auraos::runtime::security
