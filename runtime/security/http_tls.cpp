// The TLS config keys and the rule that the certificate and the key come together.

#include "runtime/security/http_tls.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::security {

std::optional<std::string> tls_pair_refusal(const http_tls& tls) {
  if (!tls.cert_file.empty() && tls.key_file.empty())
    return "--tls-cert " + tls.cert_file + " needs --tls-key (the certificate's private key)";
  if (tls.cert_file.empty() && !tls.key_file.empty())
    return "--tls-key " + tls.key_file + " needs --tls-cert (the certificate of the key)";
  return std::nullopt;
}

std::optional<result<bool, std::string>> apply_tls_key(http_tls& tls, const std::string& key,
                                                       const nlohmann::json& value) {
  using result_t = result<bool, std::string>;
  if (key != "tlsCert" && key != "tlsKey") return std::nullopt;
  if (!value.is_string() || value.get<std::string>().empty())
    return result_t{fail("config: " + key + ": must be a file path")};
  (key == "tlsCert" ? tls.cert_file : tls.key_file) = value.get<std::string>();
  return result_t{true};
}

}  // namespace auraos::runtime::security
