// Loading the HTTPS certificate and key, and swapping them on reload.

#include "gateway/tls_identity.hpp"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <fmt/format.h>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl/context.hpp>

#include "runtime/text_file.hpp"

namespace auraos::gateway {
namespace ssl = boost::asio::ssl;

namespace {

/// What a memory BIO holds, as text.
std::string bio_text(BIO* bio) {
  char* data = nullptr;
  auto size = BIO_get_mem_data(bio, &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string subject_of(X509* cert) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio{BIO_new(BIO_s_mem()), BIO_free};
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
  return bio_text(bio.get());
}

std::string not_after_of(X509* cert) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio{BIO_new(BIO_s_mem()), BIO_free};
  ASN1_TIME_print(bio.get(), X509_get0_notAfter(cert));
  return bio_text(bio.get());
}

std::string fingerprint_of(X509* cert) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (X509_digest(cert, EVP_sha256(), digest, &size) != 1) return {};
  std::string text;
  for (unsigned int i = 0; i < size; ++i) text += fmt::format("{}{:02X}", i ? ":" : "", digest[i]);
  return text;
}

/// A TLS 1.2+ server context that never asks a terminal for a key's passphrase.
std::shared_ptr<ssl::context> server_context() {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                       ssl::context::single_dh_use | ssl::context::no_compression);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  SSL_CTX_set_options(context->native_handle(),
                      SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  context->set_password_callback(
      [](std::size_t, ssl::context::password_purpose) { return std::string(); });
  return context;
}

}  // namespace

result<tls_certificate, std::string> load_tls_certificate(const std::string& cert_file,
                                                          const std::string& key_file) {
  auto cert_text = runtime::read_text_file(cert_file);
  if (!cert_text) return fail(fmt::format("TLS certificate {}: {}", cert_file, cert_text.error()));
  auto key_text = runtime::read_text_file(key_file);
  if (!key_text) return fail(fmt::format("TLS key {}: {}", key_file, key_text.error()));
  try {
    tls_certificate loaded;
    loaded.context = server_context();
    boost::system::error_code ec;
    loaded.context->use_certificate_chain(boost::asio::buffer(*cert_text), ec);
    if (ec)
      return fail(fmt::format("TLS certificate {}: not a PEM certificate chain ({})", cert_file,
                              ec.message()));
    loaded.context->use_private_key(boost::asio::buffer(*key_text), ssl::context::pem, ec);
    if (ec)
      return fail(fmt::format(
          "TLS key {}: not an unencrypted PEM private key of the certificate in {} ({})", key_file,
          cert_file, ec.message()));
    auto* cert = SSL_CTX_get0_certificate(loaded.context->native_handle());
    if (!cert || SSL_CTX_check_private_key(loaded.context->native_handle()) != 1)
      return fail(
          fmt::format("TLS key {}: does not match the certificate in {}", key_file, cert_file));
    loaded.subject = subject_of(cert);
    loaded.fingerprint = fingerprint_of(cert);
    loaded.not_after = not_after_of(cert);
    loaded.expired = X509_cmp_current_time(X509_get0_notAfter(cert)) < 0;
    return loaded;
  } catch (const std::exception& e) {
    return fail(fmt::format("TLS certificate {}: {}", cert_file, e.what()));
  }
}

result<std::shared_ptr<tls_identity>, std::string> tls_identity::load(std::string cert_file,
                                                                      std::string key_file) {
  auto first = load_tls_certificate(cert_file, key_file);
  if (!first) return fail(first.error());
  return std::make_shared<tls_identity>(std::move(cert_file), std::move(key_file),
                                        std::move(*first));
}

tls_identity::tls_identity(std::string cert_file, std::string key_file, tls_certificate first)
    : cert_file_(std::move(cert_file)),
      key_file_(std::move(key_file)),
      current_(std::move(first)) {}

result<tls_certificate, std::string> tls_identity::reload() {
  auto next = load_tls_certificate(cert_file_, key_file_);
  if (!next) return next;
  std::lock_guard lock{mutex_};
  current_ = *next;
  return next;
}

std::shared_ptr<ssl::context> tls_identity::context() const {
  std::lock_guard lock{mutex_};
  return current_.context;
}

tls_certificate tls_identity::current() const {
  std::lock_guard lock{mutex_};
  return current_;
}

}  // namespace auraos::gateway
