#pragma once
// The HTTPS server's certificate and key as an OpenSSL context (TLS 1.2 at least), replaced as a
// whole on reload: connections made after a reload use the new certificate, open ones keep the
// context they were made with (docs/security.md, TLS).

#include <memory>
#include <mutex>
#include <string>

#include "runtime/result.hpp"

namespace boost::asio::ssl {
class context;
}

namespace auraos::gateway {

/// What one load of the files gave: the context and how the certificate is named in logs.
struct tls_certificate {
  /// The server context with the certificate chain and the key.
  std::shared_ptr<boost::asio::ssl::context> context;
  /// The certificate's subject, e.g. "CN=node-1".
  std::string subject;
  /// The certificate's SHA-256 fingerprint in upper-case hex pairs ("AB:CD:...").
  std::string fingerprint;
  /// The certificate's end of validity as OpenSSL prints it ("Jan  2 03:04:05 2027 GMT").
  std::string not_after;
  /// True when the certificate's validity already ended (clients will refuse it).
  bool expired = false;
};

/// Reads a PEM certificate chain and its private key into a server context; an error names the
/// file and what is wrong with it (unreadable, not PEM, a key that does not match).
result<tls_certificate, std::string> load_tls_certificate(const std::string& cert_file,
                                                          const std::string& key_file);

/// The certificate a server presents now; safe to use from several threads.
class tls_identity {
 public:
  /// Loads the files; the identity, or an error naming the file.
  static result<std::shared_ptr<tls_identity>, std::string> load(std::string cert_file,
                                                                 std::string key_file);

  /// Reads the files again; on success later connections use the new certificate, on failure
  /// the old one stays. The new certificate, or the error naming the file.
  result<tls_certificate, std::string> reload();

  /// The context new connections are made with (never null).
  std::shared_ptr<boost::asio::ssl::context> context() const;
  /// The certificate served now.
  tls_certificate current() const;

  /// Use load().
  tls_identity(std::string cert_file, std::string key_file, tls_certificate first);

 private:
  std::string cert_file_;
  std::string key_file_;
  mutable std::mutex mutex_;
  tls_certificate current_;
};

}  // namespace auraos::gateway
