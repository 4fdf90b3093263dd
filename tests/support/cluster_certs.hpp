#pragma once
// Certificates for cluster tests, made with the `openssl` command in a temporary directory: the
// cluster's CA, node certificates it signs (EKU serverAuth,clientAuth), and a second CA with
// its own node certificates (a node of another cluster).

#include <string>

#include "cluster/tls_files.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

/// A CA, a second unrelated CA, and node certificates signed by either (docs/cluster.md).
class cluster_certs {
 public:
  /// Makes both CAs (fails the test when `openssl` does not work).
  cluster_certs();
  /// A key and certificate for `name` signed by the cluster's CA, with extended key usage
  /// `usage`; `ca` is the cluster's CA.
  cluster::tls_files node(const std::string& name,
                          const std::string& usage = "serverAuth,clientAuth");
  /// A key and certificate for `name` signed by the other CA; `ca` is the other CA.
  cluster::tls_files foreign_node(const std::string& name);
  /// The directory holding every file.
  const temp_dir& dir() const { return dir_; }

 private:
  void make_ca(const std::string& stem);
  cluster::tls_files sign(const std::string& ca_stem, const std::string& name,
                          const std::string& usage);
  temp_dir dir_;
};

}  // namespace auraos::test
