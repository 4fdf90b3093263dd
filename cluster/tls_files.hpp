#pragma once
// The files of a node's TLS identity, and the check made before the actor system is built
// (CAF reads them only on the first connection and aborts the process when they are bad).

#include <optional>
#include <string>

namespace auraos::cluster {

/// PEM files of a node: its certificate (chain), its private key, and the cluster's CA.
struct tls_files {
  std::string certificate;  ///< The node's certificate, optionally followed by its chain.
  std::string key;          ///< The private key of the certificate (unencrypted PEM).
  std::string ca;           ///< The certificate(s) of the cluster's CA.
};

/// Checks with the OpenSSL API that every file is readable PEM, the key matches the
/// certificate, the certificate verifies against the CA (dates included) and its extended key
/// usage allows both serverAuth and clientAuth. None when usable, else one line naming the
/// file and what is wrong.
std::optional<std::string> check_tls_files(const tls_files& files);

}  // namespace auraos::cluster
