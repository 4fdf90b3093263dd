#pragma once
// RAII ownership of one libpq connection with the named queries prepared on it.

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>

#include "persistence/postgres/params.hpp"
#include "persistence/postgres/pg_result.hpp"

namespace auraos::persistence::postgres {

/// An open connection to PostgreSQL.
class connection {
 public:
  /// Connects to `url` (a libpq URL or conninfo string); fails with unavailable.
  static store_result<std::unique_ptr<connection>> open(const std::string& url);

  /// The raw handle, owned by this object.
  PGconn* handle() const noexcept { return conn_.get(); }
  /// True once libpq has seen the connection fail; such a connection is replaced.
  bool broken() const noexcept { return PQstatus(conn_.get()) != CONNECTION_OK; }
  /// Closes the connection (its open transaction rolls back); it counts as broken afterwards.
  void discard() noexcept { conn_.reset(); }

  /// Runs SQL text (one or more statements) with the simple query protocol.
  store_result<pg_result> exec(std::string_view sql, std::string_view place);
  /// Prepares every named query of persistence/queries/postgres (a template: each variant).
  store_status prepare_queries();
  /// Runs a named query and waits for its result.
  store_result<pg_result> run(std::string_view query, const params& values, std::string_view place);

 private:
  struct finisher {
    void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
  };
  explicit connection(PGconn* conn) : conn_(conn) {}
  store_result<pg_result> checked(pg_result result, std::string_view place);

  std::unique_ptr<PGconn, finisher> conn_;
};

}  // namespace auraos::persistence::postgres
