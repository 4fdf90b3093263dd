#pragma once
// The PostgreSQL cluster store (persistence/cluster_store.hpp), on one connection of its own.

#include <memory>
#include <string>

#include "persistence/cluster_store.hpp"

namespace auraos::persistence::postgres {

class connection_pool;

/// Membership and leases in the database at `url`; a lost connection answers unavailable and
/// is re-established by the next call. The schema must be migrated (open the store first).
class postgres_cluster_store final : public cluster_store {
 public:
  /// Connects (unavailable when PostgreSQL cannot be reached).
  static store_result<std::unique_ptr<postgres_cluster_store>> open(const std::string& url);
  ~postgres_cluster_store() override;

  store_result<cluster_membership> join(const std::string& node_name,
                                        const std::string& cluster_address,
                                        const std::string& http_address,
                                        std::optional<std::int64_t> shards) override;
  store_result<std::vector<cluster_lease>> heartbeat(const std::string& node_name,
                                                     std::int64_t incarnation,
                                                     std::int64_t lease_ms) override;
  store_result<std::optional<cluster_lease>> acquire(std::int64_t shard,
                                                     const std::string& node_name,
                                                     std::int64_t incarnation,
                                                     std::int64_t lease_ms) override;
  store_status release(std::int64_t shard, const std::string& node_name,
                       std::int64_t epoch) override;
  store_status leave(const std::string& node_name, std::int64_t incarnation) override;
  store_result<std::vector<cluster_node>> nodes() override;
  store_result<std::vector<cluster_lease>> leases() override;

 private:
  explicit postgres_cluster_store(std::unique_ptr<connection_pool> connection);

  std::unique_ptr<connection_pool> connection_;  ///< Of size 1: reconnects when broken.
};

}  // namespace auraos::persistence::postgres
