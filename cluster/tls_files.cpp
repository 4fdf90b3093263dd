// The TLS file check, with the OpenSSL API (the same library CAF's OpenSSL module uses).
#include "cluster/tls_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

namespace auraos::cluster {

namespace {

struct file_closer {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
struct x509_free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct key_free {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct store_free {
  void operator()(X509_STORE* store) const { X509_STORE_free(store); }
};
struct store_ctx_free {
  void operator()(X509_STORE_CTX* ctx) const { X509_STORE_CTX_free(ctx); }
};
struct stack_free {
  void operator()(STACK_OF(X509) * chain) const { sk_X509_pop_free(chain, X509_free); }
};

using file_ptr = std::unique_ptr<std::FILE, file_closer>;
using cert_ptr = std::unique_ptr<X509, x509_free>;

/// Never asks for a passphrase (an encrypted key fails to load instead of prompting).
int no_passphrase(char*, int, int, void*) {
  return 0;
}

/// The oldest queued OpenSSL error as text (and clears the queue).
std::string openssl_error() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "not PEM";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

/// Opens `path` for reading; sets `error` when it cannot.
file_ptr open(const std::string& what, const std::string& path, std::optional<std::string>& error) {
  if (path.empty()) {
    error = "cluster " + what + ": no file given";
    return nullptr;
  }
  file_ptr file{std::fopen(path.c_str(), "r")};
  if (!file)
    error = "cluster " + what + " " + path + ": cannot read (" + std::strerror(errno) + ")";
  return file;
}

/// Every certificate of a PEM file (at least one), or an error line.
std::optional<std::string> read_certs(const std::string& what, const std::string& path,
                                      std::vector<cert_ptr>& certs) {
  std::optional<std::string> error;
  auto file = open(what, path, error);
  if (!file) return error;
  while (X509* cert = PEM_read_X509(file.get(), nullptr, no_passphrase, nullptr))
    certs.emplace_back(cert);
  ERR_clear_error();  // the end of the file is reported as an error
  if (certs.empty()) return "cluster " + what + " " + path + ": no PEM certificate in it";
  return std::nullopt;
}

/// Verifies `cert` (with the rest of its chain) against the CA certificates.
std::optional<std::string> verify(const std::vector<cert_ptr>& chain,
                                  const std::vector<cert_ptr>& cas, const tls_files& files) {
  std::unique_ptr<X509_STORE, store_free> store{X509_STORE_new()};
  for (const auto& ca : cas) X509_STORE_add_cert(store.get(), ca.get());
  std::unique_ptr<STACK_OF(X509), stack_free> untrusted{sk_X509_new_null()};
  for (std::size_t i = 1; i < chain.size(); ++i) {
    X509_up_ref(chain[i].get());
    sk_X509_push(untrusted.get(), chain[i].get());
  }
  std::unique_ptr<X509_STORE_CTX, store_ctx_free> ctx{X509_STORE_CTX_new()};
  X509_STORE_CTX_init(ctx.get(), store.get(), chain.front().get(), untrusted.get());
  if (X509_verify_cert(ctx.get()) == 1) return std::nullopt;
  int code = X509_STORE_CTX_get_error(ctx.get());
  ERR_clear_error();
  return "cluster certificate " + files.certificate + ": does not verify against the CA " +
         files.ca + " (" + X509_verify_cert_error_string(code) + ")";
}

}  // namespace

std::optional<std::string> check_tls_files(const tls_files& files) {
  std::vector<cert_ptr> chain;
  if (auto error = read_certs("certificate", files.certificate, chain)) return error;
  std::vector<cert_ptr> cas;
  if (auto error = read_certs("CA", files.ca, cas)) return error;
  std::optional<std::string> error;
  auto key_file = open("key", files.key, error);
  if (!key_file) return error;
  std::unique_ptr<EVP_PKEY, key_free> key{
      PEM_read_PrivateKey(key_file.get(), nullptr, no_passphrase, nullptr)};
  if (!key)
    return "cluster key " + files.key + ": not an unencrypted PEM private key (" + openssl_error() +
           ")";
  if (X509_check_private_key(chain.front().get(), key.get()) != 1) {
    ERR_clear_error();
    return "cluster key " + files.key + ": does not match the certificate " + files.certificate;
  }
  if (auto problem = verify(chain, cas, files)) return problem;
  const std::uint32_t usage = X509_get_extended_key_usage(chain.front().get());
  if ((usage & XKU_SSL_SERVER) == 0 || (usage & XKU_SSL_CLIENT) == 0)
    return "cluster certificate " + files.certificate +
           ": its extended key usage must allow both serverAuth and clientAuth";
  return std::nullopt;
}

}  // namespace auraos::cluster
