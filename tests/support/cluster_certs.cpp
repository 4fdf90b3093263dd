// Making test certificates with the openssl command (the same commands as docs/cluster.md).
#include "tests/support/cluster_certs.hpp"

#include <fstream>
#include <stdexcept>
#include <vector>

#include "tests/support/process.hpp"

namespace auraos::test {

namespace {

void openssl(std::vector<std::string> args) {
  args.insert(args.begin(), "openssl");
  auto result = run_process(args);
  if (result.exit_code != 0)
    throw std::runtime_error("openssl " + args[1] + " failed: " + result.err);
}

}  // namespace

cluster_certs::cluster_certs() {
  make_ca("ca");
  make_ca("other-ca");
}

void cluster_certs::make_ca(const std::string& stem) {
  openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
           "-keyout", dir_.file(stem + ".key"), "-out", dir_.file(stem + ".pem"), "-days", "2",
           "-subj", "/CN=auraos test " + stem});
}

cluster::tls_files cluster_certs::sign(const std::string& ca_stem, const std::string& name,
                                       const std::string& usage) {
  const auto stem = dir_.file(name);
  {
    std::ofstream ext(stem + ".ext");
    ext << "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
        << "extendedKeyUsage=" << usage << "\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n";
  }
  openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
           stem + ".key", "-out", stem + ".csr", "-subj", "/CN=" + name});
  openssl({"x509", "-req", "-in", stem + ".csr", "-CA", dir_.file(ca_stem + ".pem"), "-CAkey",
           dir_.file(ca_stem + ".key"), "-CAcreateserial", "-days", "2", "-extfile", stem + ".ext",
           "-out", stem + ".pem"});
  return {stem + ".pem", stem + ".key", dir_.file(ca_stem + ".pem")};
}

cluster::tls_files cluster_certs::node(const std::string& name, const std::string& usage) {
  return sign("ca", name, usage);
}

cluster::tls_files cluster_certs::foreign_node(const std::string& name) {
  return sign("other-ca", name, "serverAuth,clientAuth");
}

}  // namespace auraos::test
