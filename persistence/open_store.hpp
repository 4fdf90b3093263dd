#pragma once
// Store selection: the backend named by a node's database location.

#include <cstddef>
#include <memory>
#include <string>

#include "persistence/clock.hpp"
#include "persistence/cluster_store.hpp"
#include "persistence/store.hpp"
#include "runtime/node_config.hpp"

namespace auraos::persistence {

/// What open_store needs beyond the location.
struct open_store_options {
  clock_fn clock;             ///< Source of stored timestamps (required: the env's wall clock).
  std::size_t pool_size = 1;  ///< PostgreSQL connections.
};

/// Opens (and migrates) the SQLite file, creating its directory, or the PostgreSQL database;
/// fails with one line naming the location (without its password) and the cause.
result<std::shared_ptr<store>, std::string> open_store(const runtime::database_location& location,
                                                       open_store_options options = {});

/// Opens the cluster store of a PostgreSQL database (its own connection; open_store first,
/// it migrates); fails with one line for SQLite (a single node only) or an unreachable server.
result<std::unique_ptr<cluster_store>, std::string> open_cluster_store(
    const runtime::database_location& location);

/// A database URL with the password of its user info replaced by `***`.
std::string redact_password(const std::string& url);

}  // namespace auraos::persistence
